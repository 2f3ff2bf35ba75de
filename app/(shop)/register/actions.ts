'use server';

import { registerCustomer } from '@/app/_domain/customers/registration';
import { actionContext } from '@/app/_transport/forms/action-context';
import { runAction } from '@/app/_transport/forms/action-state';

export async function registerCustomerAction(values: unknown) {
  const context = await actionContext();
  return runAction(async () => {
    const customer = await registerCustomer(values, context);
    return { email: customer.email ?? '' };
  });
}
