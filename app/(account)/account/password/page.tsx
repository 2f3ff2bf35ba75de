import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePrincipal } from '@/app/_auth/current';
import { PasswordChangeForm } from './password-form';

export const metadata: Metadata = { title: 'Password' };

export default async function PasswordPage() {
  await requirePrincipal('/account/password');
  return (
    <section className="card narrow">
      <p className="breadcrumb">
        <Link href="/account">My account</Link>
      </p>
      <h1>Change your password</h1>
      <p>You stay signed in here; every other browser and app is signed out.</p>
      <PasswordChangeForm />
    </section>
  );
}
