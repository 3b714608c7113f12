"""OpenID Connect through authlib: the authorization code flow with PKCE, `state` and `nonce`, and
the ID token checked (signature against the provider's JWKS, issuer, audience, expiry, issued-at,
nonce) against the portal's clock with the provider's leeway.

Discovery and the JWKS are fetched once and kept; a token signed with a key the kept JWKS does not
hold makes one fresh fetch (the provider has rotated its keys) before it is refused.
"""

import secrets
import warnings
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

# authlib 1.9 would rather have the httpx2 fork; the portal's HTTP client is httpx, which it still
# supports. Its own module puts an "always show" filter first when imported, so it is imported first.
import authlib.deprecate  # noqa: E402, F401, I001
import httpx
from authlib.common.security import generate_token

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", "The httpx module is deprecated", DeprecationWarning)
    from authlib.integrations.httpx_client import AsyncOAuth2Client, OAuthError
from joserfc import jwt
from joserfc.errors import ExpiredTokenError, InvalidKeyIdError, JoseError
from joserfc.jwk import KeySet

from portal import clock
from portal.identity.config import Provider

ALGORITHMS = ("RS256", "PS256", "ES256")
DISCOVERY_KEPT_FOR = timedelta(hours=1)


class ProviderDown(Exception):
    """The provider could not be reached or answered nonsense; the person may try again."""


class Refused(Exception):
    """The provider's answer does not sign this person in. `reason` is for the sign-in log."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Started:
    url: str
    state: str
    nonce: str
    verifier: str


@dataclass
class _Kept:
    metadata: dict[str, Any]
    fetched_at: datetime
    keys: KeySet | None = None


@dataclass
class OidcClients:
    """One per app: what each provider's discovery document and JWKS said, kept between sign-ins."""

    kept: dict[str, _Kept] = field(default_factory=dict)

    async def _get(self, provider: Provider, url: str) -> dict[str, Any]:
        try:
            async with httpx.AsyncClient(timeout=provider.timeout_seconds) as http:
                response = await http.get(url, headers={"accept": "application/json"})
                response.raise_for_status()
                body = response.json()
        except (httpx.HTTPError, ValueError) as error:
            raise ProviderDown(f"{url}: {error}") from None
        if not isinstance(body, dict):
            raise ProviderDown(f"{url}: not a JSON object")
        return body

    async def metadata(self, provider: Provider) -> dict[str, Any]:
        kept = self.kept.get(provider.id)
        if kept is None or clock.now() - kept.fetched_at > DISCOVERY_KEPT_FOR:
            metadata = await self._get(provider, provider.discovery_url)
            if metadata.get("issuer") != provider.issuer_url:
                raise ProviderDown(f"discovery names the issuer {metadata.get('issuer')!r}, not {provider.issuer_url!r}")
            missing = [k for k in ("authorization_endpoint", "token_endpoint", "jwks_uri") if not isinstance(metadata.get(k), str)]
            if missing:
                raise ProviderDown(f"discovery has no {', '.join(missing)}")
            kept = self.kept[provider.id] = _Kept(metadata, clock.now())
        return kept.metadata

    async def _keys(self, provider: Provider, fresh: bool) -> KeySet:
        metadata = await self.metadata(provider)
        kept = self.kept[provider.id]
        if kept.keys is None or fresh:
            try:
                kept.keys = KeySet.import_key_set(await self._get(provider, metadata["jwks_uri"]))  # type: ignore[arg-type]
            except (JoseError, KeyError, TypeError, ValueError) as error:
                raise ProviderDown(f"the JWKS cannot be read: {error}") from None
        return kept.keys

    async def start(self, provider: Provider, redirect_uri: str) -> Started:
        metadata = await self.metadata(provider)
        verifier = generate_token(48)
        nonce = secrets.token_urlsafe(24)
        async with self._client(provider, redirect_uri) as client:
            url, state = client.create_authorization_url(metadata["authorization_endpoint"], code_verifier=verifier, nonce=nonce)
        return Started(url, state, nonce, verifier)

    async def finish(self, provider: Provider, redirect_uri: str, code: str, verifier: str, nonce: str) -> dict[str, Any]:
        """Exchange the code, check the ID token and return its claims (with the userinfo's, when
        the provider keeps the person's details there)."""
        metadata = await self.metadata(provider)
        async with self._client(provider, redirect_uri) as client:
            try:
                token = await client.fetch_token(metadata["token_endpoint"], code=code, code_verifier=verifier)
            except OAuthError as error:
                raise Refused(f"token endpoint: {error.error}") from None
            except httpx.HTTPError as error:
                raise ProviderDown(f"token endpoint: {error}") from None
            if not isinstance(token.get("id_token"), str):
                raise Refused("no ID token")
            claims = await self.id_token_claims(provider, token["id_token"], nonce)
            if (provider.claim not in claims or provider.email_claim not in claims) and isinstance(metadata.get("userinfo_endpoint"), str):
                claims = {**await self._userinfo(client, metadata["userinfo_endpoint"], claims["sub"]), **claims}
        return claims

    async def id_token_claims(self, provider: Provider, id_token: str, nonce: str) -> dict[str, Any]:
        try:
            try:
                decoded = jwt.decode(id_token, await self._keys(provider, fresh=False), algorithms=list(ALGORITHMS))
            except InvalidKeyIdError:
                decoded = jwt.decode(id_token, await self._keys(provider, fresh=True), algorithms=list(ALGORITHMS))
        except InvalidKeyIdError:
            raise Refused("ID token signed with a key the provider does not publish") from None
        except JoseError as error:
            raise Refused(f"ID token signature: {error.error}") from None
        registry = jwt.JWTClaimsRegistry(
            now=lambda: int(clock.now().timestamp()), leeway=provider.leeway_seconds,
            iss={"essential": True, "value": provider.issuer_url}, aud={"essential": True, "value": provider.client_id},
            sub={"essential": True}, exp={"essential": True}, iat={"essential": True}, nonce={"essential": True, "value": nonce},
        )
        claims = decoded.claims
        try:
            registry.validate(claims)
        except ExpiredTokenError:
            raise Refused("ID token expired (beyond the leeway)") from None
        except JoseError as error:
            raise Refused(f"ID token claim: {error.description or error.error}") from None
        audiences = claims["aud"] if isinstance(claims["aud"], list) else [claims["aud"]]
        if len(audiences) > 1 and claims.get("azp") != provider.client_id:
            raise Refused("ID token for several audiences without the portal as its authorised party")
        return claims

    async def _userinfo(self, client: AsyncOAuth2Client, url: str, subject: str) -> dict[str, Any]:
        try:
            response = await client.get(url)
            response.raise_for_status()
            info = response.json()
        except (httpx.HTTPError, ValueError) as error:
            raise ProviderDown(f"userinfo: {error}") from None
        if not isinstance(info, dict) or info.get("sub") != subject:
            raise Refused("userinfo names another subject")
        return info

    def _client(self, provider: Provider, redirect_uri: str) -> AsyncOAuth2Client:
        return AsyncOAuth2Client(
            client_id=provider.client_id, client_secret=provider.client_secret(), scope=" ".join(provider.scopes),
            redirect_uri=redirect_uri, code_challenge_method="S256", timeout=provider.timeout_seconds,
        )

    async def end_session_url(self, provider: Provider, after: str) -> str | None:
        """Where to send the browser so the provider ends its session too, if it has an end-session endpoint."""
        try:
            endpoint = (await self.metadata(provider)).get("end_session_endpoint")
        except ProviderDown:
            return None
        if not isinstance(endpoint, str):
            return None
        return str(httpx.URL(endpoint, params={"client_id": provider.client_id, "post_logout_redirect_uri": after}))
