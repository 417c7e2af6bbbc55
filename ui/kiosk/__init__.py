"""The kiosk window and its ticket printer."""
