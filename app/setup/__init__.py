"""This PC's set-up: its configuration, the connection check, the schema and the demo office."""
