import { z } from 'zod';
import { addressFormat } from '@/app/_domain/addresses/address-formats';
import { countryName, isCountryCode } from '@/app/_domain/addresses/countries';
import { addressSchema } from '@/app/_domain/addresses/schema';
import { fieldErrors } from '@/app/_domain/shared/validation';
import type { ActionState } from '@/app/_transport/forms/action-state';
import { formMessage } from '@/app/_transport/forms/messages';

/**
 * What the shopper's address form asks on top of the address rules every transport shares (the
 * storefront and admin APIs do not apply these):
 * - the country is one the shop ships to (`SHIP_TO_COUNTRIES`), or the one the edited address
 *   already has (an address the back office or an API client wrote stays editable);
 * - where the country's addresses name a state, province or prefecture from a list (US, CA, AU,
 *   JP), one is chosen.
 * The browser checks them with the shared schema (`shopperAddressSchema`), the server action
 * again (`shopperRuleErrors`), with the same texts.
 */
export type ShopperRuleOptions = { shipTo: readonly string[]; storedCountry?: string };

export function shopperRuleErrors(values: unknown, options: ShopperRuleOptions): Record<string, string> {
  if (typeof values !== 'object' || values === null) return {};
  const { countryCode, state } = values as Record<string, unknown>;
  const country = typeof countryCode === 'string' ? countryCode.trim().toUpperCase() : '';
  if (!isCountryCode(country)) return {};
  const errors: Record<string, string> = {};
  if (!options.shipTo.includes(country) && country !== options.storedCountry) {
    errors.countryCode = `We do not ship to ${countryName(country)}. Please choose one of the listed countries.`;
  }
  const stateFormat = addressFormat(country).state;
  if (stateFormat?.required && (typeof state !== 'string' || state.trim() === '')) {
    errors.state = `Please choose a ${stateFormat.label.toLowerCase()}.`;
  }
  return errors;
}

/** The form's schema: the address rules, then the shopper's own (reported together with them). */
export function shopperAddressSchema(options: ShopperRuleOptions) {
  return addressSchema.check(
    z.superRefine(
      (values: unknown, ctx) => {
        for (const [field, message] of Object.entries(shopperRuleErrors(values, options))) {
          ctx.addIssue({ code: 'custom', path: [field], message, input: (values as Record<string, unknown>)[field] });
        }
      },
      { when: () => true },
    ),
  );
}

/**
 * The server action's check of the shopper's rules: null when they hold; else the form state
 * with every bad field at once (the address rules' texts too, as the browser shows them).
 */
export function refuseByShopperRules(values: unknown, options: ShopperRuleOptions): ActionState<never> | null {
  const refused = shopperRuleErrors(values, options);
  if (Object.keys(refused).length === 0) return null;
  const result = addressSchema.safeParse(values ?? {}, { reportInput: true });
  const entity = result.success ? {} : Object.fromEntries(fieldErrors(result.error).map((error) => [error.field, formMessage(error)]));
  return { ok: false, fieldErrors: { ...entity, ...refused } };
}
