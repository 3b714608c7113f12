// A real OpenID Connect provider (npm oidc-provider) on loopback, for the sign-in tests.
//
// Environment: PORT, ISSUER, CLIENTS (JSON list of client metadata), ACCOUNTS (JSON object:
// account id -> claims), WALL_CLOCK_MS (the test process's wall clock when it started this one).
// Logging in at its development login form accepts any password; an account id it was not
// given signs in as <id>@example.org, so tests can sign in as someone the portal does not know.
//
// Test-only controls, under /__test/:
//   POST /__test/rotate             a new signing key (new kid); the old one is gone from the JWKS
//   POST /__test/audience?value=X   ID tokens from the token endpoint are issued for audience X
//                                   (signed with the provider's key); without value, as normal
import http from 'node:http';
import { exportJWK, generateKeyPair, importJWK, CompactSign } from 'jose';
import Provider from 'oidc-provider';

// Run on the test process's wall clock (tests may move it), so the cookies this provider sets and
// the times in its tokens agree with the process that reads them.
const realNow = Date.now.bind(Date);
const offset = Number(process.env.WALL_CLOCK_MS ?? realNow()) - realNow();
Date.now = () => realNow() + offset;

const port = Number(process.env.PORT);
const issuer = process.env.ISSUER;
const clients = JSON.parse(process.env.CLIENTS);
const accounts = JSON.parse(process.env.ACCOUNTS);
let audience = null;
let signingKey;
let provider;

async function newKey() {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = await exportJWK(privateKey);
  return { ...jwk, kid: `key-${realNow()}-${Math.random().toString(36).slice(2, 8)}`, alg: 'RS256', use: 'sig' };
}

function build(key) {
  const configured = new Provider(issuer, {
    clients,
    jwks: { keys: [key] },
    pkce: { required: () => true, methods: ['S256'] },
    scopes: ['openid', 'email', 'profile'],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'preferred_username', 'oid', 'uid'] },
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
    ttl: { IdToken: 600, AccessToken: 600, AuthorizationCode: 60, Interaction: 3600, Session: 3600, Grant: 3600 },
    cookies: { keys: ['test-provider-cookie-key'] },
    async findAccount(ctx, id) {
      const claims = accounts[id] ?? { email: `${id}@example.org`, email_verified: true, name: id };
      return { accountId: id, async claims() { return { sub: id, ...claims }; } };
    },
  });
  configured.proxy = false;
  configured.on('server_error', (ctx, error) => console.error('server_error', error));
  return configured;
}

function decode(part) {
  return JSON.parse(Buffer.from(part, 'base64url').toString());
}

// ID tokens issued for another audience, signed with the provider's own key.
async function reissueFor(idToken, aud) {
  const [header, payload] = idToken.split('.');
  const claims = { ...decode(payload), aud };
  return new CompactSign(Buffer.from(JSON.stringify(claims)))
    .setProtectedHeader(decode(header))
    .sign(await importJWK(signingKey, 'RS256'));
}

function wrap(configured) {
  configured.use(async (ctx, next) => {
    await next();
    if (audience && ctx.path === '/token' && ctx.status === 200 && ctx.body?.id_token) {
      ctx.body = { ...ctx.body, id_token: await reissueFor(ctx.body.id_token, audience) };
    }
  });
  return configured.callback();
}

signingKey = await newKey();
provider = build(signingKey);
let handler = wrap(provider);

const server = http.createServer(async (req, res) => {
  const url = new URL(req.url, issuer);
  if (req.method === 'POST' && url.pathname === '/__test/rotate') {
    signingKey = await newKey();
    provider = build(signingKey);
    handler = wrap(provider);
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ kid: signingKey.kid }));
    return;
  }
  if (req.method === 'POST' && url.pathname === '/__test/audience') {
    audience = url.searchParams.get('value') || null;
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ audience }));
    return;
  }
  handler(req, res);
});
server.listen(port, '127.0.0.1', () => console.log(`listening ${issuer} kid=${signingKey.kid}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
