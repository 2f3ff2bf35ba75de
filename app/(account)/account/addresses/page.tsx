import type { Metadata } from 'next';
import Link from 'next/link';
import { randomUUID } from 'node:crypto';
import { requirePrincipal } from '@/app/_auth/current';
import { listAddresses } from '@/app/_domain/addresses/service';
import { Alert } from '@/components/ui/alert';
import { FocusOnArrival } from '@/components/ui/focus-on-arrival';
import { addressLabel, AddressLines } from './address-card';
import { makeDefaultAddressAction } from './actions';
import { DeleteAddressButton } from './delete-address';

export const metadata: Metadata = { title: 'Address book' };

const notices: Record<string, string> = {
  added: 'The address was added.',
  updated: 'The address was saved.',
  deleted: 'The address was deleted.',
  'default-shipping': 'Your default shipping address was changed.',
  'default-billing': 'Your default billing address was changed.',
};

const problems: Record<string, string> = {
  'not-found': 'This address was not found. It may have been deleted already.',
};

type Props = { searchParams: Promise<{ saved?: string; error?: string; delete?: string }> };

export default async function AddressBookPage({ searchParams }: Props) {
  const principal = await requirePrincipal('/account/addresses');
  const addresses = await listAddresses(principal, principal.customerId);
  const query = await searchParams;
  const notice = notices[typeof query.saved === 'string' ? query.saved : ''];
  const problem = problems[typeof query.error === 'string' ? query.error : ''];
  return (
    <section className="card">
      <p className="breadcrumb">
        <Link href="/account">My account</Link>
      </p>
      <h1>Address book</h1>
      {notice || problem ? (
        // Add, edit, delete and "Set as default" land here: the notice takes the focus.
        <FocusOnArrival arrival={randomUUID()}>
          {notice ? <Alert tone="success">{notice}</Alert> : null}
          {problem ? <Alert tone="error">{problem}</Alert> : null}
        </FocusOnArrival>
      ) : null}
      <p>
        <Link className="button" href="/account/addresses/new">
          Add address
        </Link>
      </p>
      {addresses.length === 0 ? <p>You have no saved addresses yet.</p> : null}
      <ul className="address-cards">
        {addresses.map((address) => {
          const label = addressLabel(address);
          return (
            <li key={address.uuid} className="address-card" aria-label={label}>
              {address.isDefaultShipping || address.isDefaultBilling ? (
                <p className="badges">
                  {address.isDefaultShipping ? <span className="badge">Default shipping</span> : null}
                  {address.isDefaultBilling ? <span className="badge">Default billing</span> : null}
                </p>
              ) : null}
              <AddressLines address={address} />
              <div className="card-actions">
                <Link href={`/account/addresses/${address.uuid}/edit`} aria-label={`Edit ${label}`}>
                  Edit
                </Link>
                {!address.isDefaultShipping ? (
                  <form action={makeDefaultAddressAction.bind(null, address.uuid, 'shipping')}>
                    <button type="submit" className="link-button" aria-label={`Set ${label} as default shipping address`}>
                      Set as default shipping
                    </button>
                  </form>
                ) : null}
                {!address.isDefaultBilling ? (
                  <form action={makeDefaultAddressAction.bind(null, address.uuid, 'billing')}>
                    <button type="submit" className="link-button" aria-label={`Set ${label} as default billing address`}>
                      Set as default billing
                    </button>
                  </form>
                ) : null}
                <DeleteAddressButton addressId={address.uuid} label={label} asking={query.delete === address.uuid} />
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
