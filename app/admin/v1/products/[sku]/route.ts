import { getProduct, setProduct } from '@/app/_domain/notifications/service';
import { productEntity } from '@/app/_transport/admin/codecs/products';
import { adminRoute, json, withAdminKeyOnly } from '@/app/_transport/admin/http';

type Params = { sku: string };

// putProduct: upsert (200 whether created or updated); its return to stock queues one notice per
// subscriber in the background. getProduct: a sku that is not there, or cannot be one, is 404.
export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = adminRoute<Params>(
  {
    GET: withAdminKeyOnly(async (_request, { params }) => json(productEntity(await getProduct(params.sku)))),
    PUT: withAdminKeyOnly(async (_request, { principal, params, body }) => json(productEntity(await setProduct(principal, params.sku, body))), { body: true }),
  },
  ['sku'],
);
