import { storeCode } from '../shared/config';

/** `customerReference` = `<STORE_CODE>--<customer id>`, e.g. `DE--25`. */
export function toCustomerReference(id: number): string {
  return `${storeCode()}--${id}`;
}

/** The customer id in `reference`, or null when it is not one of this store's references. */
export function parseCustomerReference(reference: string): number | null {
  const match = /^([A-Za-z0-9]+)--([1-9]\d{0,17})$/.exec(reference);
  if (!match || match[1]!.toUpperCase() !== storeCode()) return null;
  const id = Number(match[2]);
  return Number.isSafeInteger(id) ? id : null;
}
