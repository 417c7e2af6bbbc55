"""The monitor window: the office's status at a glance."""
