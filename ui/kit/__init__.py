"""Pieces every window shares: the worker, operations, the database banner, the feed
watcher, translations, the scan filter, the keypad, sign-in.
"""
