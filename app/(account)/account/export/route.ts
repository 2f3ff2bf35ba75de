import { currentPrincipal } from '@/app/_auth/current';
import { exportCustomerData } from '@/app/_domain/customers/export';
import { appUrl } from '@/app/_domain/shared/config';

/** "Download my data": everything the shop holds about the signed-in shopper, as a JSON file. */
export async function GET() {
  const principal = await currentPrincipal();
  if (!principal) {
    return new Response(null, { status: 303, headers: { Location: `${appUrl()}/login?callbackUrl=${encodeURIComponent('/account/export')}` } });
  }
  const data = await exportCustomerData(principal, principal.customerId);
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="my-shop-data-${data.exportedAt.slice(0, 10)}.json"`,
      'Cache-Control': 'no-store',
    },
  });
}
