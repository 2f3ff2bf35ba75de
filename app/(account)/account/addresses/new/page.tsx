import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePrincipal } from '@/app/_auth/current';
import { addAddressAction } from '../actions';
import { AddressForm } from '../address-form';
import { countryChoices, shipTo } from '../ship-to';

export const metadata: Metadata = { title: 'Add address' };

export default async function NewAddressPage() {
  await requirePrincipal('/account/addresses/new');
  const countries = shipTo();
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
        shipTo={countries}
        {...countryChoices()}
        defaults={{
          countryCode: countries[0]!,
          salutation: '',
          firstName: '',
          lastName: '',
          company: '',
          street: '',
          houseNumber: '',
          additional: '',
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
