"""Random secrets handed out once and stored only as digests."""

import hashlib
import hmac
import secrets


def new_secret() -> str:
    return secrets.token_urlsafe(32)


def digest(secret: str) -> str:
    """For secrets with 256 bits of randomness: a plain SHA-256 cannot be reversed."""
    return hashlib.sha256(secret.encode()).hexdigest()


def keyed_digest(key: str, *parts: str) -> str:
    """For short secrets (six-digit codes): keyed, so a copy of the table alone cannot be searched."""
    return hmac.new(key.encode(), "\0".join(parts).encode(), hashlib.sha256).hexdigest()
