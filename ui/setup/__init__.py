"""The set-up wizard, the first start and this PC's settings."""
