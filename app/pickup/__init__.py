"""Passport pickup: the pickup service and handover, the backlog import, the pickup slips."""
