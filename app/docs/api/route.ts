/**
 * The storefront API reference, rendered by Scalar's standalone bundle served from our own
 * origin (`/docs/api/scalar.js`): default fonts, telemetry, the agent and developer tools are off,
 * so the page loads nothing from another host.
 */
const configuration = {
  url: '/openapi.json',
  withDefaultFonts: false,
  telemetry: false,
  agent: { disabled: true },
  showDeveloperTools: 'never',
  hideClientButton: true,
  metaData: { title: 'Storefront API reference' },
};

const page = (nonce: string) => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Storefront API reference</title>
    <style>body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", sans-serif; }</style>
  </head>
  <body>
    <script nonce="${nonce}" id="api-reference" data-url="/openapi.json" data-configuration="${JSON.stringify(configuration).replace(/"/g, '&quot;')}"></script>
    <script nonce="${nonce}" src="/docs/api/scalar.js"></script>
  </body>
</html>
`;

/** The page carries the request's CSP nonce (set by proxy.ts), so the strict policy lets its scripts run. */
export async function GET(request: Request) {
  const nonce = (request.headers.get('x-nonce') ?? '').replace(/[^A-Za-z0-9+/=]/g, '');
  return new Response(page(nonce), { headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' } });
}
