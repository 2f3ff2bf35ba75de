import { notFound } from '@/app/_transport/admin/http';

// Unknown paths under /admin answer the admin API's JSON 404, every method.
const answer = async () => notFound();

export { answer as GET, answer as HEAD, answer as OPTIONS, answer as POST, answer as PUT, answer as PATCH, answer as DELETE };
