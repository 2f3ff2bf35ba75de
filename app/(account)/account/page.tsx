import type { Metadata } from 'next';
import { requireActor } from '@/app/_auth/current';
import { getOwnCustomer } from '@/app/_domain/customers/account';

export const metadata: Metadata = { title: 'My account' };

export default async function AccountPage() {
  const actor = await requireActor('/account');
  const customer = await getOwnCustomer(actor);
  return (
    <section className="card">
      <h1>
        Hello, {customer.firstName} {customer.lastName}
      </h1>
      <dl className="details">
        <dt>Name</dt>
        <dd>
          {[customer.salutation, customer.firstName, customer.lastName].filter(Boolean).join(' ')}
        </dd>
        <dt>Email</dt>
        <dd>{customer.email}</dd>
      </dl>
    </section>
  );
}
