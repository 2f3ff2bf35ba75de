import { countryName } from '@/app/_domain/addresses/countries';
import type { AddressView } from '@/app/_domain/addresses/service';

/** An address as it would be printed on a parcel. */
export function AddressLines({ address }: { address: AddressView }) {
  return (
    <address className="address-lines">
      {[address.salutation, address.firstName, address.lastName].filter(Boolean).join(' ')}
      <br />
      {address.company ? (
        <>
          {address.company}
          <br />
        </>
      ) : null}
      {address.street} {address.houseNumber}
      <br />
      {address.additional ? (
        <>
          {address.additional}
          <br />
        </>
      ) : null}
      {[address.zipCode, address.city].filter(Boolean).join(' ')}
      {address.state ? `, ${address.state}` : ''}
      <br />
      {countryName(address.countryCode)}
      {address.phone ? (
        <>
          <br />
          {address.phone}
        </>
      ) : null}
    </address>
  );
}
