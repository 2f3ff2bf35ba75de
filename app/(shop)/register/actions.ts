'use server';

import { registerCustomer } from '@/app/_domain/customers/registration';
import { actionContext } from '@/app/_transport/forms/action-context';
import { answerForm, runAction } from '@/app/_transport/forms/action-state';
import { formValues, type FormState } from '@/app/_transport/forms/form-values';

export type RegistrationState = FormState<{ email: string }>;

/**
 * The registration form has one password field: the action passes it as `confirmPassword` too, so
 * the same `registerCustomer` serves the form and `POST /customers` (where clients send both). Any
 * complaint about the confirmation is the password's own, shown there, so it is dropped.
 */
export async function registerCustomerAction(previous: RegistrationState, data: FormData): Promise<RegistrationState> {
  const values = formValues(data, ['acceptedTerms']);
  const context = await actionContext();
  const state = await runAction(async () => {
    const customer = await registerCustomer({ ...values, confirmPassword: values.password }, context);
    return { email: customer.email ?? '' };
  });
  if (state.ok || !('confirmPassword' in state.fieldErrors)) return answerForm(previous, state, values);
  const { confirmPassword: _confirmPassword, ...fieldErrors } = state.fieldErrors;
  return answerForm(previous, { ...state, fieldErrors }, values);
}
