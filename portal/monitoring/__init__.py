"""The IRO monitoring tool (a checklist the chair answers before each meeting) and the challenge clinic's drift watchlist."""
