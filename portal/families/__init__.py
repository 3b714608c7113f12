"""Families: parents and carers given access to the conferences about their children, what they read and what they send."""
