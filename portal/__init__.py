"""Multi-agency conference contribution portal."""
