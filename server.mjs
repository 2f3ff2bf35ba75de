// Starts Next.js behind a small Node HTTP server that owns the client IP: Next.js does not hand
// the socket address to handlers and keeps whatever X-Forwarded-For a client sends, so any
// client-sent value is replaced here (see TRUST_PROXY in the README).
import { createServer } from 'node:http';
import { pathToFileURL } from 'node:url';
import next from 'next';

const dev = process.argv.includes('--dev');
const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOST || '0.0.0.0';
const trustedProxies = parseTrustProxy(process.env.TRUST_PROXY);
const hsts = (process.env.APP_URL || '').startsWith('https://');

function parseTrustProxy(value) {
  if (value === undefined || value.trim() === '') return 0;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`TRUST_PROXY must be a non-negative integer, got "${value}"`);
  return n;
}

function normalizeIp(ip) {
  return ip?.startsWith('::ffff:') ? ip.slice(7) : ip;
}

const NEXT_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'PATCH', 'DELETE']);
const API_PREFIX = /^\/(customers|access-tokens|refresh-tokens|customer-[^/]+|availability-notifications|my-availability-notifications)(\/|$)/;

/**
 * What Next.js would answer with a 500 is refused here with a 4xx: a method it does not serve
 * (TRACE, CONNECT, …) is 405, a path with malformed percent-encoding (`/customers/%ff`) is 400.
 * Null when the request may go on. Under the storefront API's prefixes the answer is a JSON:API error
 * document, under /admin the admin API's error document.
 */
export function refuseUnservable(method, url) {
  let status = 0;
  let detail = '';
  const path = String(url ?? '/').split('?')[0];
  if (!NEXT_METHODS.has(String(method).toUpperCase())) {
    status = 405;
    detail = 'Method not allowed.';
  } else {
    try {
      decodeURIComponent(path);
    } catch {
      status = 400;
      detail = 'Malformed URL.';
    }
  }
  if (!status) return null;
  const api = API_PREFIX.test(path);
  const admin = /^\/admin(\/|$)/.test(path);
  const body = admin
    ? JSON.stringify({ errors: [{ errorKey: status === 405 ? 'METHOD_NOT_ALLOWED' : 'INVALID_REQUEST', message: detail, context: {} }] })
    : api
      ? JSON.stringify({ errors: [{ status, detail }] })
      : `${detail}\n`;
  return {
    status,
    headers: {
      'Content-Type': admin ? 'application/json' : api ? 'application/vnd.api+json' : 'text/plain; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      ...(status === 405 ? { Allow: 'GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE' } : {}),
    },
    body,
  };
}

/** The TCP peer, or with TRUST_PROXY=N the Nth X-Forwarded-For entry from the right. */
export function resolveClientIp(forwardedFor, socketAddress, trusted = trustedProxies) {
  const peer = normalizeIp(socketAddress) || 'unknown';
  if (trusted === 0) return peer;
  const entries = String(forwardedFor ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return entries.length >= trusted ? normalizeIp(entries[entries.length - trusted]) : peer;
}

async function main() {
  if (!dev && !process.env.NODE_ENV) process.env.NODE_ENV = 'production';
  if (process.env.NODE_ENV === 'production' && !process.env.AUTH_SECRET?.trim()) {
    console.error('AUTH_SECRET is required in production: set it to a long random string (e.g. `openssl rand -base64 32`).');
    process.exit(1);
  }
  const app = next({ dev, hostname, port, turbopack: dev });
  const handle = app.getRequestHandler();
  await app.prepare();
  const upgrade = app.getUpgradeHandler();

  const server = createServer((req, res) => {
    const forwarded = req.headers['x-forwarded-for'];
    req.headers['x-forwarded-for'] = resolveClientIp(
      Array.isArray(forwarded) ? forwarded.join(',') : forwarded,
      req.socket.remoteAddress,
    );
    if (hsts) res.setHeader('Strict-Transport-Security', 'max-age=63072000; includeSubDomains');
    const refused = refuseUnservable(req.method, req.url);
    if (refused) {
      res.writeHead(refused.status, refused.headers);
      res.end(req.method === 'HEAD' ? undefined : refused.body);
      return;
    }
    handle(req, res);
  });
  // Idle keep-alive connections stay open longer than a load balancer's or client's idle timeout
  // (60 s is common), so the server never closes a socket a client is about to reuse (ECONNRESET).
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  server.on('upgrade', (req, socket, head) => upgrade(req, socket, head));
  server.listen(port, hostname, () => {
    console.log(`> Shop account area on http://localhost:${port} (${dev ? 'development' : 'production'})`);
  });

  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      server.close();
      app.close().finally(() => process.exit(0));
    });
  }
}

// Started as a script (npm run dev / start); imported by tests only for resolveClientIp.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
