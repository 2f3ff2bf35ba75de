import { createCustomerForAdmin, listCustomersForAdmin } from '@/app/_domain/admin/customers';
import { customerCreateToDomain, customerEntity, customerWireName } from '@/app/_transport/admin/codecs/customers';
import { adminRoute, json, withAdminKey, type ShopParams } from '@/app/_transport/admin/http';
import { encodeCursor, listQuery } from '@/app/_transport/admin/query';

// getCustomers and createCustomer.
export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = adminRoute<ShopParams>(
  {
    GET: withAdminKey(async (request, { principal }) => {
      const { page, include } = listQuery(request);
      const { customers, next } = await listCustomersForAdmin(principal, page, include);
      return json({ entities: customers.map(customerEntity), cursor: { next: next ? encodeCursor(page.sort, page.descending, next) : null } });
    }),
    POST: withAdminKey(
      async (_request, { principal, body }) => json(customerEntity(await createCustomerForAdmin(principal, customerCreateToDomain(body))), 201),
      { body: true, wire: customerWireName },
    ),
  },
  ['shopKey', 'countryCode'],
);
