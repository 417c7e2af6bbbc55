"""The office: officers and sign-in, permissions, administration, settings, audit, reports
and retention.
"""
