/** The cookie that carries the account's email from a password reset to the sign-in page (10 minutes, path /login). */
export const RESET_SIGN_IN_COOKIE = 'password-reset-email';
