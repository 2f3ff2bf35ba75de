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

const page = (nonce: string, url: string, title: string) => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>${title}</title>
    <style>body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", sans-serif; }</style>
  </head>
  <body>
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
