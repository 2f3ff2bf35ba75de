'use server';

import { AuthError } from 'next-auth';
import { redirect } from 'next/navigation';
import { signIn } from '@/app/_auth/auth';
import { safeReturnPath } from '@/app/_auth/current';

export type SignInState = { message: string; unconfirmed?: boolean } | null;

function messageFor(code: string | undefined): SignInState {
  if (code === 'unconfirmed') {
    return { message: 'Please confirm your email address first: open the link in the email we sent you.', unconfirmed: true };
  }
  const wait = /^rate_limited_(\d+)$/.exec(code ?? '');
  if (wait) {
    const minutes = Math.max(1, Math.ceil(Number(wait[1]) / 60));
    return { message: `Too many failed sign-in attempts. Please try again in ${minutes === 1 ? 'a minute' : `${minutes} minutes`}.` };
  }
  return { message: 'Email or password is incorrect.' };
}

function field(values: unknown, name: string): string {
  const value = values && typeof values === 'object' ? (values as Record<string, unknown>)[name] : undefined;
  return typeof value === 'string' ? value : '';
}

export async function signInAction(values: unknown, returnTo: unknown): Promise<SignInState> {
  try {
    await signIn('credentials', { username: field(values, 'username'), password: field(values, 'password'), redirect: false });
  } catch (error) {
    if (error instanceof AuthError) return messageFor('code' in error ? String(error.code) : undefined);
    throw error;
  }
  redirect(safeReturnPath(returnTo));
}
