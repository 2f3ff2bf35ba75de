'use server';

import { registerCustomer } from '@/app/_domain/customers/registration';
import { actionContext } from '@/app/_transport/forms/action-context';
import { runAction } from '@/app/_transport/forms/action-state';

/**
 * The registration form has one password field: the action passes it as `confirmPassword` too, so
 * the same `registerCustomer` serves the form and `POST /customers` (where clients send both). Any
 * complaint about the confirmation is the password's own, shown there, so it is dropped.
 */
export async function registerCustomerAction(values: unknown) {
  const context = await actionContext();
  const input = values !== null && typeof values === 'object' && !Array.isArray(values) ? { ...values, confirmPassword: (values as { password?: unknown }).password } : values;
  const state = await runAction(async () => {
    const customer = await registerCustomer(input, context);
    return { email: customer.email ?? '' };
  });
  if (state.ok || !('confirmPassword' in state.fieldErrors)) return state;
  const { confirmPassword: _confirmPassword, ...fieldErrors } = state.fieldErrors;
  return { ...state, fieldErrors };
}
