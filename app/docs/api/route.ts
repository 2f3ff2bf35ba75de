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

const html = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Storefront API reference</title>
    <style>body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", sans-serif; }</style>
  </head>
  <body>
    <script id="api-reference" data-url="/openapi.json" data-configuration="${JSON.stringify(configuration).replace(/"/g, '&quot;')}"></script>
    <script src="/docs/api/scalar.js"></script>
  </body>
</html>
`;

export async function GET() {
  return new Response(html, { headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'public, max-age=300' } });
}
