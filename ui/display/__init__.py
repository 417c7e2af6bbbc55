"""The lobby display and its spoken calls."""
