import { storeCode } from '../shared/config';

/** `customerReference` = `<STORE_CODE>--<customer id>`, e.g. `DE--25`. */
export function toCustomerReference(id: number): string {
  return `${storeCode()}--${id}`;
}
