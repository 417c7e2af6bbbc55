"""The supervisor's window: its frame, the page base and the pages."""
