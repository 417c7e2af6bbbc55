"""Telling applicants their passport is ready: an outbox of messages and its sender."""
