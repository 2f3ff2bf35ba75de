import type { Metadata } from 'next';
import Link from 'next/link';
import { customerOf, requirePrincipal } from '@/app/_auth/current';
import { EmailChangeForm } from './email-form';

export const metadata: Metadata = { title: 'Email address' };

export default async function EmailPage() {
  const principal = await requirePrincipal('/account/email');
  const customer = await customerOf(principal);
  return (
    <section className="card narrow">
      <p className="breadcrumb">
        <Link href="/account">My account</Link>
      </p>
      <h1>Email address</h1>
      <p>
        You sign in with <strong>{customer.email}</strong>. We will send a link to the new address; it replaces the old
        one only once you open that link.
      </p>
      <EmailChangeForm />
    </section>
  );
}
