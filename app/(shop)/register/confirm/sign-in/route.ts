import { AuthError } from 'next-auth';
import { auth, signIn } from '@/app/_auth/auth';
import { CONFIRMATION_KEY_PROVIDER } from '@/app/_auth/confirmation-key';
import { endBrowserSession } from '@/app/_domain/auth/sessions';
import { appUrl } from '@/app/_domain/shared/config';

/**
 * The emailed confirmation link, `/register/confirm?key=…`, comes on here (its page passes the key
 * on: a page cannot set cookies, a route handler can). A key that is valid right now confirms the
 * email and signs the shopper in — the same session cookie a password sign-in gives — and lands on
 * `/account` with a welcome; any other key goes back to the page's "this link can no longer be
 * used". Plain redirects, so it works without JavaScript. A session this browser had before (of
 * another account, say) is ended. HEAD changes nothing (link checkers and mail scanners send it).
 */
const WELCOME_PATH = '/account?welcome=1';

// No page is ever shown at this URL, so no Referer can carry its key on (a redirect keeps the referrer it came with).
function seeOther(path: string): Response {
  return new Response(null, { status: 303, headers: { Location: `${appUrl()}${path}`, 'Cache-Control': 'no-store' } });
}

export async function GET(request: Request) {
  const key = new URL(request.url).searchParams.get('key');
  if (!key) return seeOther('/register/confirm');
  const previous = await auth();
  try {
    await signIn(CONFIRMATION_KEY_PROVIDER, { key, redirect: false });
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    return seeOther('code' in error && error.code === 'inactive' ? '/login' : '/register/confirm');
  }
  if (previous?.sid) await endBrowserSession(previous.sid);
  return seeOther(WELCOME_PATH);
}

export function HEAD() {
  return new Response(null, { status: 200, headers: { 'Cache-Control': 'no-store' } });
}
