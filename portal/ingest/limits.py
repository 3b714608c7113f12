"""How much one upload may cost, and how many may be parsed at once or wait for a turn."""

from dataclasses import dataclass


@dataclass(frozen=True)
class IngestLimits:
    max_bytes: int = 20 * 1024 * 1024
    max_pages: int = 100
    timeout_seconds: float = 60.0
    max_memory_mb: int = 1024
    max_decompressed_bytes: int = 256 * 1024 * 1024
    max_parallel: int = 2
    max_waiting: int = 8

    @classmethod
    def from_settings(cls, settings) -> "IngestLimits":
        return cls(
            max_bytes=settings.ingest_max_bytes,
            max_pages=settings.ingest_max_pages,
            timeout_seconds=settings.ingest_timeout_seconds,
            max_memory_mb=settings.ingest_max_memory_mb,
            max_decompressed_bytes=settings.ingest_max_decompressed_mb * 1024 * 1024,
            max_parallel=settings.ingest_max_parallel,
            max_waiting=settings.ingest_max_waiting,
        )
