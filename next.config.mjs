/** @type {import('next').NextConfig} */
const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
];

// Pages whose URL carries a secret key: never leak it through the Referer header.
const keyPages = ['/register/confirm', '/password/reset', '/email/confirm', '/email/cancel', '/notifications/unsubscribe'];
// A key page whose form also posts without JavaScript sends its origin only (`strict-origin`: never a
// path or the key): under `no-referrer` the browser posts `Origin: null`, which Next.js refuses for a server action.
const originOnlyKeyPages = ['/register/confirm', '/password/reset', '/email/cancel', '/notifications/unsubscribe'];

// JSON:API path prefixes: an unknown path below them gets a JSON:API 404, not the HTML page.
const apiPrefixes = [
  'customers',
  'access-tokens',
  'refresh-tokens',
  'customer-confirmation',
  'customer-password',
  'customer-forgotten-password',
  'customer-restore-password',
  'availability-notifications',
  'my-availability-notifications',
];

const nextConfig = {
  poweredByHeader: false,
  skipTrailingSlashRedirect: true,
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2', 'postgres'],
  // /docs/api/scalar.js reads the viewer's bundle at run time: ship it with traced (standalone) builds.
  outputFileTracingIncludes: { '/docs/api/scalar.js': ['./node_modules/@scalar/api-reference/dist/browser/standalone.js'] },
  logging: {
    // Server action arguments hold passwords: never print them (Next's dev server would).
    serverFunctions: false,
    // Confirmation and reset links carry single-use keys in the query string: keep them out of logs.
    incomingRequests: { ignore: keyPages.map((p) => new RegExp(`^${p}`)) },
  },
  async headers() {
    return [
      { source: '/:path*', headers: securityHeaders },
      // JSON answers need no nonce (proxy.ts gives pages theirs): the strictest policy, set statically.
      ...[...apiPrefixes.flatMap((prefix) => [`/${prefix}`, `/${prefix}/:path*`]), '/:resource(customer-[^/]+)/:path*', '/openapi.json', '/admin/:path*'].map(
        (source) => ({ source, headers: [{ key: 'Content-Security-Policy', value: "default-src 'none'; frame-ancestors 'none'" }] }),
      ),
      ...keyPages.map((source) => ({ source, headers: [{ key: 'Referrer-Policy', value: originOnlyKeyPages.includes(source) ? 'strict-origin' : 'no-referrer' }] })),
    ];
  },
  async rewrites() {
    return {
      fallback: [
        ...apiPrefixes.map((prefix) => ({ source: `/${prefix}/:rest*`, destination: '/jsonapi-not-found' })),
        // Any other /customer-* path is under the API's prefixes too.
        { source: '/:resource(customer-[^/]+)/:rest*', destination: '/jsonapi-not-found' },
      ],
    };
  },
};

export default nextConfig;
