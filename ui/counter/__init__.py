"""The counter window: the officer's desk, pickup panel and dialogs."""
