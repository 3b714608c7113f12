"""Chasing reports: due times overridden with a reason, phone chases, and what is due soon in an LA."""
