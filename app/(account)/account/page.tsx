import type { Metadata } from 'next';
import Link from 'next/link';
import { randomUUID } from 'node:crypto';
import { customerOf, requirePrincipal } from '@/app/_auth/current';
import { listAddresses, type AddressView } from '@/app/_domain/addresses/service';
import { Alert } from '@/components/ui/alert';
import { FocusOnArrival } from '@/components/ui/focus-on-arrival';
import { AddressLines } from './addresses/address-card';
import { formatBirthDate } from './display-format';

export const metadata: Metadata = { title: 'My account' };

const sections = [
  { href: '/account/profile', title: 'Profile', text: 'Your name, salutation, gender and date of birth.' },
  { href: '/account/addresses', title: 'Address book', text: 'Your shipping and billing addresses.' },
  { href: '/account/email', title: 'Email address', text: 'Change the address you sign in with.' },
  { href: '/account/password', title: 'Password', text: 'Change your password; other devices are signed out.' },
  { href: '/account/notifications', title: 'Back-in-stock notifications', text: 'Sold-out products we will email you about; unsubscribe here.' },
  { href: '/account/security', title: 'Security', text: 'Where you are signed in, recent sign-ins; sign out other devices.' },
  { href: '/account/export', title: 'Download my data', text: 'Everything we hold about you, as a JSON file.' },
  { href: '/account/delete', title: 'Delete account', text: 'Remove your personal data for good.' },
];

type Props = { searchParams: Promise<{ welcome?: string | string[] }> };

type DefaultAddress = { title: string; address: AddressView | undefined; missing: string };

/** The default addresses to show: one that is both defaults once, under both names. */
function defaultAddresses(addresses: AddressView[]): DefaultAddress[] {
  const shipping = addresses.find((a) => a.isDefaultShipping);
  const billing = addresses.find((a) => a.isDefaultBilling);
  if (shipping && shipping.uuid === billing?.uuid) return [{ title: 'Shipping and billing', address: shipping, missing: '' }];
  return [
    { title: 'Shipping', address: shipping, missing: 'No default shipping address yet.' },
    { title: 'Billing', address: billing, missing: 'No default billing address yet.' },
  ];
}

export default async function AccountPage({ searchParams }: Props) {
  const principal = await requirePrincipal('/account');
  const [customer, addresses] = await Promise.all([customerOf(principal), listAddresses(principal, principal.customerId)]);
  // The emailed confirmation link signs in and lands here (app/(shop)/register/confirm/sign-in).
  const welcome = (await searchParams).welcome !== undefined;
  const memberSince = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(customer.createdAt);
  return (
    <section className="card">
      <h1>Hello, {[customer.firstName, customer.lastName].filter(Boolean).join(' ')}</h1>
      {welcome ? (
        <FocusOnArrival arrival={randomUUID()}>
          <Alert tone="success">
            <strong>Your email is confirmed. Welcome!</strong> You are signed in and your account is ready.
          </Alert>
        </FocusOnArrival>
      ) : null}
      <dl className="details">
        <dt>Name</dt>
        <dd>{[customer.salutation, customer.firstName, customer.lastName].filter(Boolean).join(' ')}</dd>
        <dt>Email</dt>
        <dd>{customer.email}</dd>
        {customer.dateOfBirth ? (
          <>
            <dt>Date of birth</dt>
            <dd>{formatBirthDate(customer.dateOfBirth)}</dd>
          </>
        ) : null}
        <dt>Member since</dt>
        <dd>{memberSince}</dd>
      </dl>
      <h2>Default addresses</h2>
      <div className="default-addresses">
        {defaultAddresses(addresses).map(({ title, address, missing }) => (
          <div key={title}>
            <h3>{title}</h3>
            {address ? <AddressLines address={address} /> : <p>{missing}</p>}
          </div>
        ))}
      </div>
      <p>
        <Link href="/account/addresses">Manage your addresses</Link>
      </p>
      <h2>Your account</h2>
      <ul className="section-links">
        {sections.map((s) => (
          <li key={s.href}>
            <Link href={s.href}>{s.title}</Link>
            <span>{s.text}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
