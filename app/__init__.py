"""Loket core: queues, tickets, counters and their rules. No Qt in this package."""

__version__ = "0.1.0"
