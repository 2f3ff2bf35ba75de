'use server';

import { AuthError } from 'next-auth';
import { redirect } from 'next/navigation';
import { signIn } from '@/app/_auth/auth';
import { safeReturnPath } from '@/app/_auth/current';
import { answerForm, type ActionState } from '@/app/_transport/forms/action-state';
import { formValues, type FormState } from '@/app/_transport/forms/form-values';

export type SignInState = FormState<null>;

function failure(code: string | undefined): ActionState<never> {
  if (code === 'unconfirmed') {
    return { ok: false, code: 'unconfirmed', message: 'Please confirm your email address first: open the link in the email we sent you.', fieldErrors: {} };
  }
  const wait = /^rate_limited_(\d+)$/.exec(code ?? '');
  if (wait) {
    const minutes = Math.max(1, Math.ceil(Number(wait[1]) / 60));
    return { ok: false, message: `Too many failed sign-in attempts. Please try again in ${minutes === 1 ? 'a minute' : `${minutes} minutes`}.`, fieldErrors: {} };
  }
  return { ok: false, message: 'Email or password is incorrect.', fieldErrors: {} };
}

/** The sign-in form (Auth.js credentials): on success to the return path, else the reason, never which part was wrong. */
export async function signInAction(previous: SignInState, data: FormData): Promise<SignInState> {
  const values = formValues(data);
  const text = (name: string) => (typeof values[name] === 'string' ? values[name] : '');
  try {
    await signIn('credentials', { username: text('username'), password: text('password'), redirect: false });
  } catch (error) {
    if (error instanceof AuthError) return answerForm(previous, failure('code' in error ? String(error.code) : undefined), values);
    throw error;
  }
  redirect(safeReturnPath(values.returnTo));
}
