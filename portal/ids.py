"""Row ids as people and clients type them: ASCII digits naming a row that can exist.

Every table's key is a PostgreSQL `integer`, so a larger number (or one SQLite could not even
bind) names no row; neither do superscripts and other scripts' digits, which `str.isdigit`
accepts and `int` partly does.
"""

MAX_ID = 2**31 - 1


def parse_id(value: object) -> int | None:
    """The id `value` names, or None when it can name no row."""
    text = str(value)
    if not (0 < len(text) <= len(str(MAX_ID)) and text.isascii() and text.isdigit()):
        return None
    number = int(text)
    return number if 0 < number <= MAX_ID else None
