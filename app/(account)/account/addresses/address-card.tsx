import { Fragment } from 'react';
import { addressLines, streetLine } from '@/app/_domain/addresses/address-formats';
import { countryName } from '@/app/_domain/addresses/countries';
import type { AddressView } from '@/app/_domain/addresses/service';
import { formatPhone } from '../display-format';

/**
 * An address as it would be printed on a parcel, in the country's layout: "1600 Pennsylvania Ave NW"
 * / "Washington, DC 20500" in the US, "Unter den Linden 77" / "10117 Berlin" in Germany; the phone
 * in the country's national format, or international when it is another country's number.
 */
export function AddressLines({ address }: { address: AddressView }) {
  const lines = [
    [address.salutation, address.firstName, address.lastName].filter(Boolean).join(' '),
    address.company ?? '',
    ...addressLines(address),
    countryName(address.countryCode),
    address.phone ? formatPhone(address.phone, address.countryCode) : '',
  ].filter((line) => line !== '');
  return (
    <address className="address-lines">
      {lines.map((line, index) => (
        <Fragment key={index}>
          {index > 0 ? <br /> : null}
          {line}
        </Fragment>
      ))}
    </address>
  );
}

/** The address in one line, for labels: "Ada Lovelace, 1600 Pennsylvania Ave NW, Washington". */
export function addressLabel(address: AddressView): string {
  return `${address.firstName} ${address.lastName}, ${streetLine(address)}, ${address.city}`;
}
