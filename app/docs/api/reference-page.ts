/**
 * An API reference page, rendered by Scalar's standalone bundle served from our own
 * origin (`/docs/api/scalar.js`): default fonts, telemetry, the agent and developer tools are off,
 * so the page loads nothing from another host.
 */
const configuration = (url: string, title: string) => ({
  url,
  withDefaultFonts: false,
  telemetry: false,
  agent: { disabled: true },
  showDeveloperTools: 'never',
  hideClientButton: true,
  metaData: { title },
});

/** The documents the reference shows, one page each, linked from every page. */
const APIS = [
  { title: 'Storefront API (Glue)', page: '/docs/api', url: '/openapi.json' },
  { title: 'Admin API (SCAYLE)', page: '/docs/api/admin', url: '/admin/v1/openapi.json' },
];

const page = (nonce: string, url: string, title: string) => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>${title}</title>
    <style>
      body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", sans-serif; }
      .apis { display: flex; gap: 1.25rem; padding: 0.6rem 1rem; border-bottom: 1px solid #ddd; font-size: 0.9rem; }
      .apis a { color: #1f4fd1; }
      .apis a[aria-current] { color: inherit; font-weight: 600; text-decoration: none; }
    </style>
  </head>
  <body>
    <nav class="apis" aria-label="APIs">
${APIS.map((api) => `      <a href="${api.page}"${api.url === url ? ' aria-current="page"' : ''}>${api.title}</a>`).join('\n')}
    </nav>
    <script nonce="${nonce}" id="api-reference" data-url="${url}" data-configuration="${JSON.stringify(configuration(url, title)).replace(/"/g, '&quot;')}"></script>
    <script nonce="${nonce}" src="/docs/api/scalar.js"></script>
  </body>
</html>
`;

/**
 * The reference page of one OpenAPI document (the storefront's here, the admin API's at
 * /docs/api/admin). It carries the request's CSP nonce (set by proxy.ts), so the strict policy
 * lets its scripts run.
 */
export function referencePage(request: Request, url: string, title: string): Response {
  const nonce = (request.headers.get('x-nonce') ?? '').replace(/[^A-Za-z0-9+/=]/g, '');
  return new Response(page(nonce, url, title), { headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' } });
}
