'use server';

import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { resetPassword } from '@/app/_domain/passwords/reset';
import { answerForm, runAction } from '@/app/_transport/forms/action-state';
import { formValues, type FormState } from '@/app/_transport/forms/form-values';
import { RESET_SIGN_IN_COOKIE } from '../../login/reset-notice';

export type ResetState = FormState<null>;

/**
 * Sets the new password, then goes to the sign-in page, which says so and starts with the
 * account's email: it travels in a short-lived cookie only the sign-in page reads (never in the URL).
 */
export async function resetPasswordAction(previous: ResetState, data: FormData): Promise<ResetState> {
  const values = formValues(data);
  const result = await runAction(() => resetPassword(values));
  // The key is not shown again: the page has it.
  if (!result.ok) return answerForm(previous, result, {});
  (await cookies()).set(RESET_SIGN_IN_COOKIE, result.data.email, { httpOnly: true, sameSite: 'lax', path: '/login', maxAge: 600, secure: process.env.APP_URL?.startsWith('https://') });
  redirect('/login?reset=done');
}
