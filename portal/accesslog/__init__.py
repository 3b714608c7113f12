"""Who read or changed children's information: an append-only, hash-chained log."""

from portal.accesslog.chain import LogUnavailable, append, verify
from portal.accesslog.models import READ, REFUSED, WRITE, AccessLogEntry, Operation

__all__ = ["READ", "REFUSED", "WRITE", "AccessLogEntry", "LogUnavailable", "Operation", "append", "verify"]
