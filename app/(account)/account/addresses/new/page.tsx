import type { Metadata } from 'next';
import Link from 'next/link';
import { requireActor } from '@/app/_auth/current';
import { addAddressAction } from '../actions';
import { AddressForm } from '../address-form';

export const metadata: Metadata = { title: 'Add address' };

export default async function NewAddressPage() {
  await requireActor('/account/addresses/new');
  return (
    <section className="card narrow">
      <p className="breadcrumb">
        <Link href="/account/addresses">Address book</Link>
      </p>
      <h1>Add address</h1>
      <AddressForm
        action={addAddressAction}
        submitLabel="Save address"
        showDefaultFlags
        defaults={{
          iso2Code: 'DE',
          salutation: '' as never,
          firstName: '',
          lastName: '',
          company: '',
          address1: '',
          address2: '',
          address3: '',
          zipCode: '',
          city: '',
          state: '',
          phone: '',
          isDefaultShipping: false,
          isDefaultBilling: false,
        }}
      />
    </section>
  );
}
