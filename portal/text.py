"""Text that can always be stored, encoded and shown: no lone surrogates, no NUL.

JSON allows "\\ud800" and "\\u0000"; Python keeps them in a str, but UTF-8 cannot encode a lone
surrogate and PostgreSQL refuses NUL, so either would break every later page that shows it.
"""

import re

REPLACEMENT = "\ufffd"
# In a Python str a well-formed astral character is one code point, so any surrogate is lone.
_UNSAFE = re.compile("[\x00\ud800-\udfff]")


def storable(text: str) -> str:
    """`text` with each lone surrogate and NUL replaced by U+FFFD."""
    if text.isascii() and "\x00" not in text:
        return text
    return _UNSAFE.sub(REPLACEMENT, text)


def storable_json(value: object) -> object:
    """A JSON value with every string in it (keys too) made storable."""
    if isinstance(value, str):
        return storable(value)
    if isinstance(value, list):
        return [storable_json(v) for v in value]
    if isinstance(value, dict):
        return {storable(str(k)): storable_json(v) for k, v in value.items()}
    return value
