"""Queues: ticket numbers and calls, the counter's desk, the kiosk's rules, the lobby
board, spoken calls and the ticket image.
"""
