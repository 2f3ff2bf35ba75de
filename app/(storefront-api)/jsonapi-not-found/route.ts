import { errorResponse, JsonApiError } from '@/app/_transport/glue/jsonapi';

// Target of next.config's fallback rewrites: unknown paths under the API prefixes, every method.
const notFound = async () => errorResponse(JsonApiError.of(404, 'Not found.'));

export {
  notFound as GET,
  notFound as HEAD,
  notFound as OPTIONS,
  notFound as POST,
  notFound as PUT,
  notFound as PATCH,
  notFound as DELETE,
};
