import { confirmCustomer } from '@/app/_domain/customers/registration';
import { jsonApiRoute, noContent, readAttributes } from '@/app/_lib/jsonapi';

export const { GET, POST, PUT, PATCH, DELETE } = jsonApiRoute({
  async POST(request) {
    const attributes = await readAttributes(request, 'customer-confirmation');
    await confirmCustomer(attributes, {});
    return noContent();
  },
});
