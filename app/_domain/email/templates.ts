import { appUrl } from '../shared/config';

/** Every email has a plain-text and an HTML part; links are always built from APP_URL. */
export type EmailMessage = { kind: string; toAddress: string; subject: string; textBody: string; htmlBody: string };

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function layout(title: string, paragraphs: string[], action?: { label: string; url: string }): string {
  const body = paragraphs.map((p) => `<p style="margin:0 0 16px">${escapeHtml(p)}</p>`).join('');
  const button = action
    ? `<p style="margin:24px 0"><a href="${escapeHtml(action.url)}" style="background:#1d4ed8;color:#fff;padding:12px 20px;border-radius:6px;text-decoration:none">${escapeHtml(action.label)}</a></p>` +
      `<p style="margin:0 0 16px;font-size:13px;color:#555">Or copy this link into your browser:<br>${escapeHtml(action.url)}</p>`
    : '';
  return `<!doctype html><html lang="en"><body style="font-family:system-ui,sans-serif;color:#111;max-width:560px;margin:0 auto;padding:24px"><h1 style="font-size:20px">${escapeHtml(title)}</h1>${body}${button}</body></html>`;
}

export function confirmRegistrationEmail(to: { email: string; firstName: string }, key: string): EmailMessage {
  const url = `${appUrl()}/register/confirm?key=${encodeURIComponent(key)}`;
  const greeting = `Hello ${to.firstName},`;
  const lines = [
    greeting,
    'Thank you for registering. Please confirm your email address to activate your account.',
    'The link is valid for 24 hours and works once. If you did not register, ignore this email.',
  ];
  return {
    kind: 'confirm-registration',
    toAddress: to.email,
    subject: 'Confirm your email address',
    textBody: `${lines.join('\n\n')}\n\nConfirm your email: ${url}\n`,
    htmlBody: layout('Confirm your email address', lines, { label: 'Confirm my email', url }),
  };
}
