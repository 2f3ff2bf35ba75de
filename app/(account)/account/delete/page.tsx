import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePrincipal } from '@/app/_auth/current';
import { DeleteAccountForm } from './delete-form';

export const metadata: Metadata = { title: 'Delete account' };

export default async function DeleteAccountPage() {
  await requirePrincipal('/account/delete');
  return (
    <section className="card narrow">
      <p className="breadcrumb">
        <Link href="/account">My account</Link>
      </p>
      <h1>Delete your account</h1>
      <p>Deleting your account removes your personal data for good:</p>
      <ul>
        <li>your name, email address, phone number, date of birth and every other personal detail are erased;</li>
        <li>your address book and back-in-stock notifications are removed;</li>
        <li>you are signed out everywhere, and pending confirmation or reset links stop working.</li>
      </ul>
      <p>
        Orders you placed stay in our books without your personal data, as the law requires. You can register again
        with the same email address later. <strong>This cannot be undone.</strong>
      </p>
      <DeleteAccountForm />
    </section>
  );
}
