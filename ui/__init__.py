"""Loket's windows (PySide6).

The windows are a thin layer over :mod:`app`: they call the same services as the
command line, never touch the database from the GUI thread, and show the core's
own messages for refusals and outages. :mod:`app` never imports this package.
"""
