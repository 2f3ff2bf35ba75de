import { signOut } from '@/app/_auth/auth';
import { appUrl } from '@/app/_domain/shared/config';

/**
 * Sign-out as a plain form POST (a full page load, so no client-side cache keeps account pages):
 * revokes the session row (Auth.js's signOut event) and clears the cookie. Cross-site posts are
 * refused; SameSite=Lax cookies would not be sent with them anyway.
 */
export async function POST(request: Request) {
  const origin = request.headers.get('origin');
  if (origin && origin !== new URL(appUrl()).origin) return new Response('Forbidden', { status: 403 });
  await signOut({ redirect: false });
  // Clear-Site-Data drops what the browser kept of the account (cache, cookies, storage).
  return new Response(null, {
    status: 303,
    headers: { Location: `${appUrl()}/`, 'Cache-Control': 'no-store', 'Clear-Site-Data': '"cache", "cookies", "storage"' },
  });
}
