import { storeCode } from '@/app/_domain/shared/config';

export { toCustomerReference } from '@/app/_domain/customers/reference';

/**
 * The customer id in a storefront `customerReference` (`DE--25` → 25), or null when it is not one
 * of this store's references; the domain refuses null like another customer's id.
 */
export function parseCustomerReference(reference: string): number | null {
  const match = /^([A-Za-z0-9]+)--([1-9]\d{0,17})$/.exec(reference);
  if (!match || match[1]!.toUpperCase() !== storeCode()) return null;
  const id = Number(match[2]);
  return Number.isSafeInteger(id) ? id : null;
}
