import Link from 'next/link';
import { SignedOutNotice } from '@/components/ui/signed-out-notice';
import { displayName, signedInCustomer } from './_shell/signed-in-customer';

const benefits = [
  { title: 'Check out faster', text: 'Your name and addresses are filled in for you.' },
  { title: 'One address book', text: 'Shipping and billing addresses, with your defaults.' },
  { title: 'Back-in-stock emails', text: 'Hear from us when a sold-out product returns.' },
];

const shortcuts = [
  { href: '/account', title: 'Account overview', text: 'Your details and default addresses at a glance.' },
  { href: '/account/addresses', title: 'Address book', text: 'Add, edit and choose default addresses.' },
  { href: '/account/notifications', title: 'Back-in-stock notifications', text: 'Products we will email you about.' },
  { href: '/account/security', title: 'Security', text: 'Password and where you are signed in.' },
];

export default async function HomePage() {
  const customer = await signedInCustomer();
  return (
    <>
      <SignedOutNotice />
      {customer ? (
        <section className="card hero">
          <h1>Welcome back, {customer.firstName || displayName(customer)}</h1>
          <p className="lead">You are signed in. Pick up where you left off.</p>
          <p className="actions">
            <Link className="button" href="/account">
              Go to your account
            </Link>
          </p>
          <h2 className="visually-hidden">Shortcuts</h2>
          <ul className="section-links">
            {shortcuts.map((s) => (
              <li key={s.href}>
                <Link href={s.href}>{s.title}</Link>
                <span>{s.text}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : (
        <section className="card hero">
          <h1>Your shop account</h1>
          <p className="lead">
            Keep your details and addresses in one place, check out faster and hear when sold-out products are back.
          </p>
          <p className="actions">
            <Link className="button" href="/register">
              Create an account
            </Link>
            <Link className="button button-secondary" href="/login">
              Sign in
            </Link>
          </p>
          <h2 className="visually-hidden">Why an account</h2>
          <ul className="benefits">
            {benefits.map((b) => (
              <li key={b.title}>
                <strong>{b.title}</strong>
                <span>{b.text}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
