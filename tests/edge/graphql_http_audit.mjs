// Runs the graphql-http audit suite against a running portal and prints each result as JSON.
// Usage: node graphql_http_audit.mjs URL DEMO_PERSON_ID
import { auditServer } from "graphql-http";

const [url, person] = process.argv.slice(2);
const fetchAs = (input, init = {}) => {
  const headers = new Headers(init.headers);
  headers.set("x-portal-demo-person", person);
  return fetch(input, { ...init, headers });
};
const results = await auditServer({ url, fetchFn: fetchAs });
const plain = await Promise.all(results.map(async (r) => ({
  id: r.id, name: r.name, status: r.status, reason: r.reason ?? null,
  response: r.response ? `${r.response.status} ${r.response.headers.get("content-type")} ${await r.response.text()}`.slice(0, 300) : null,
})));
console.log(JSON.stringify(plain));
