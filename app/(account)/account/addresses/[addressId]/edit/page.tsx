import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireActor } from '@/app/_auth/current';
import { getAddress, type AddressView } from '@/app/_domain/addresses/service';
import { isDomainError } from '@/app/_domain/shared/errors';
import { changeAddressAction } from '../../actions';
import { AddressForm } from '../../address-form';

export const metadata: Metadata = { title: 'Edit address' };

type Props = { params: Promise<{ addressId: string }> };

export default async function EditAddressPage({ params }: Props) {
  const { addressId } = await params;
  const actor = await requireActor(`/account/addresses/${addressId}/edit`);
  let address: AddressView;
  try {
    address = await getAddress(actor, actor.reference, addressId);
  } catch (error) {
    if (isDomainError(error, 'addressNotFound')) notFound();
    throw error;
  }
  return (
    <section className="card narrow">
      <p className="breadcrumb">
        <Link href="/account/addresses">Address book</Link>
      </p>
      <h1>Edit address</h1>
      <AddressForm
        action={changeAddressAction.bind(null, address.id)}
        submitLabel="Save address"
        showDefaultFlags={false}
        defaults={{
          iso2Code: address.iso2Code,
          salutation: (address.salutation ?? '') as never,
          firstName: address.firstName,
          lastName: address.lastName,
          company: address.company ?? '',
          address1: address.address1,
          address2: address.address2,
          address3: address.address3 ?? '',
          zipCode: address.zipCode,
          city: address.city,
          state: address.state ?? '',
          phone: address.phone ?? '',
        }}
      />
    </section>
  );
}
