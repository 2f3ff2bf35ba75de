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

function greeting(firstName: string | null): string {
  return firstName ? `Hello ${firstName},` : 'Hello,';
}

/**
 * Emails to an address nobody has confirmed yet (registration, a new email) carry no text the
 * requester wrote — no name in the greeting — so they cannot be used to send someone else's words.
 */
export function confirmRegistrationEmail(to: { email: string }, key: string): EmailMessage {
  const url = `${appUrl()}/register/confirm?key=${encodeURIComponent(key)}`;
  const lines = [
    greeting(null),
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

export function passwordChangedEmail(to: { email: string; firstName: string | null }): EmailMessage {
  const lines = [
    greeting(to.firstName),
    'The password of your shop account was just changed, and every other device was signed out.',
    'If this was not you, reset your password at once with "Forgot your password?" on the sign-in page, and contact us.',
  ];
  return {
    kind: 'password-changed',
    toAddress: to.email,
    subject: 'Your password was changed',
    textBody: `${lines.join('\n\n')}\n\nSign in: ${appUrl()}/login\n`,
    htmlBody: layout('Your password was changed', lines, { label: 'Sign in', url: `${appUrl()}/login` }),
  };
}

export function confirmEmailChangeEmail(to: { newEmail: string }, key: string): EmailMessage {
  const url = `${appUrl()}/email/confirm?key=${encodeURIComponent(key)}`;
  const lines = [
    greeting(null),
    'Please confirm that this is the new email address of your shop account. Until you do, your old address stays in use.',
    'The link is valid for 24 hours and works once. If you did not ask for this, ignore this email.',
  ];
  return {
    kind: 'confirm-email-change',
    toAddress: to.newEmail,
    subject: 'Confirm your new email address',
    textBody: `${lines.join('\n\n')}\n\nConfirm your new email: ${url}\n`,
    htmlBody: layout('Confirm your new email address', lines, { label: 'Confirm my new email', url }),
  };
}

export function emailChangeNoticeEmail(to: { email: string; firstName: string | null }, newEmail: string, cancelKey: string): EmailMessage {
  const url = `${appUrl()}/email/cancel?key=${encodeURIComponent(cancelKey)}`;
  const lines = [
    greeting(to.firstName),
    `Someone asked to change the email address of your shop account to ${newEmail}. It changes only once the new address is confirmed.`,
    'If this was not you, cancel the change with the link below: it keeps this address (or puts it back) and signs out every device. Then change your password.',
    'The link is valid for 7 days.',
  ];
  return {
    kind: 'email-change-notice',
    toAddress: to.email,
    subject: 'Your email address is being changed',
    textBody: `${lines.join('\n\n')}\n\nThis was not me, cancel the change: ${url}\n`,
    htmlBody: layout('Your email address is being changed', lines, { label: 'This was not me: cancel the change', url }),
  };
}

export function resetPasswordEmail(to: { email: string; firstName: string | null }, key: string): EmailMessage {
  const url = `${appUrl()}/password/reset?key=${encodeURIComponent(key)}`;
  const lines = [
    greeting(to.firstName),
    'Someone asked to reset the password of your shop account. Choose a new password with the link below.',
    'The link is valid for 1 hour and works once. If you did not ask for this, ignore this email: your password stays as it is.',
  ];
  return {
    kind: 'reset-password',
    toAddress: to.email,
    subject: 'Reset your password',
    textBody: `${lines.join('\n\n')}\n\nReset your password: ${url}\n`,
    htmlBody: layout('Reset your password', lines, { label: 'Choose a new password', url }),
  };
}

/** The product's page: the catalog's own link, or ours. */
export function productPageUrl(product: { sku: string; url: string | null }): string {
  return product.url ?? `${appUrl()}/products/${encodeURIComponent(product.sku)}`;
}

/**
 * The subscription's confirmation, with its unsubscribe link. It goes to an address nobody has
 * confirmed, so it carries nothing the requester wrote: the product's name comes from the catalog.
 */
export function subscriptionConfirmedEmail(to: { email: string }, product: { sku: string; name: string; url: string | null }, key: string): EmailMessage {
  const url = `${appUrl()}/notifications/unsubscribe?key=${encodeURIComponent(key)}`;
  const lines = [
    greeting(null),
    `We will send you one email when "${product.name}" can be bought again.`,
    'If you did not ask for this, or changed your mind, unsubscribe with the link below.',
  ];
  return {
    kind: 'availability-subscribed',
    toAddress: to.email,
    subject: `We will tell you when ${product.name} is back`,
    textBody: `${lines.join('\n\n')}\n\nProduct: ${productPageUrl(product)}\nUnsubscribe: ${url}\n`,
    htmlBody: layout('You will hear from us', lines, { label: 'Unsubscribe', url }),
  };
}

/** The back-in-stock notice: the same for every subscriber of the product (the subscription has ended). */
export function backInStockEmail(product: { sku: string; name: string; url: string | null }): Omit<EmailMessage, 'toAddress'> {
  const url = productPageUrl(product);
  const lines = [
    greeting(null),
    `Good news: "${product.name}" can be bought again.`,
    'This was your one notice: your subscription has ended. Subscribe again on the product page if you want to hear about it next time.',
  ];
  return {
    kind: 'back-in-stock',
    subject: `${product.name} is back in stock`,
    textBody: `${lines.join('\n\n')}\n\nTo the product: ${url}\n`,
    htmlBody: layout(`${product.name} is back in stock`, lines, { label: 'To the product', url }),
  };
}
