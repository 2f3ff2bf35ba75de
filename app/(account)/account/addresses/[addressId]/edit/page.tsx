import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requirePrincipal } from '@/app/_auth/current';
import { getAddress, type AddressView } from '@/app/_domain/addresses/service';
import { isDomainError } from '@/app/_domain/shared/errors';
import { changeAddressAction } from '../../actions';
import { AddressForm } from '../../address-form';
import { addressFormValues } from '../../form-values';
import { countryChoices, shipTo } from '../../ship-to';

export const metadata: Metadata = { title: 'Edit address' };

type Props = { params: Promise<{ addressId: string }> };

export default async function EditAddressPage({ params }: Props) {
  const { addressId } = await params;
  const principal = await requirePrincipal(`/account/addresses/${addressId}/edit`);
  let address: AddressView;
  try {
    address = await getAddress(principal, principal.customerId, { uuid: addressId });
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
        action={changeAddressAction.bind(null, address.uuid)}
        submitLabel="Save address"
        showDefaultFlags={false}
        shipTo={shipTo()}
        {...countryChoices(address.countryCode)}
        storedCountry={address.countryCode}
        defaults={addressFormValues(address)}
      />
    </section>
  );
}
