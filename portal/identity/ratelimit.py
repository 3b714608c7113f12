"""How often codes may be asked for and tried, per address and per client address (the `limits` package).

The default storage is the process's memory; several web processes share a count through a
storage such as Redis (PORTAL_RATE_LIMIT_STORAGE=redis://…).
"""

from limits import parse
from limits.aio.strategies import MovingWindowRateLimiter
from limits.storage import storage_from_string

from portal.settings import Settings


class SignInLimits:
    def __init__(self, settings: Settings) -> None:
        uri = settings.rate_limit_storage
        self.limiter = MovingWindowRateLimiter(storage_from_string(uri if uri.startswith("async+") else f"async+{uri}"))
        self.per_address = parse(settings.code_requests_per_address)
        self.per_client = parse(settings.code_requests_per_client)

    async def allow_code_request(self, address: str, client: str) -> bool:
        """Count one request for a code; False once either limit is reached (the address is not counted then)."""
        return await self.limiter.hit(self.per_client, "request", client) and await self.limiter.hit(self.per_address, "request", address)

    async def allow_code_check(self, client: str) -> bool:
        """Count one typed code. Per address, the codes it may be sent and each code's five tries already bound the guesses."""
        return await self.limiter.hit(self.per_client, "check", client)
