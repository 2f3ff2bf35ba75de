import { readFileSync } from 'node:fs';
import SwaggerClient from 'swagger-client';
import { Contract, expect } from './support';

/**
 * The admin API as back-office clients drive it: swagger-client pointed at /admin/v1/openapi.json
 * (as SCAYLE's examples do) with the key `e2e/support/serve.mjs` made before the server started,
 * every answer validated against that document.
 */

export const adminKey = () => readFileSync(process.env.E2E_ADMIN_KEY_FILE!, 'utf8').trim();

type AdminDocument = ConstructorParameters<typeof Contract>[0] & { paths: Record<string, unknown> };

/** The admin document with its paths under the server url (/admin/v1), for the contract check. */
async function adminContract(baseURL: string): Promise<Contract> {
  const document = (await (await fetch(`${baseURL}/admin/v1/openapi.json`)).json()) as AdminDocument;
  const paths = Object.fromEntries(Object.entries(document.paths).map(([path, item]) => [`/admin/v1${path}`, item]));
  return new Contract({ ...document, paths } as AdminDocument);
}

/** `SwaggerClient({ url, authorizations: { accessToken: key } })`, each answer checked against the document. */
export async function adminClient(baseURL: string, key = adminKey()) {
  const contract = await adminContract(baseURL);
  const userFetch = async (url: string, init: RequestInit) => {
    const response = await fetch(url, init);
    const method = (init.method ?? 'GET').toUpperCase();
    const operation = contract.operationFor(method, url);
    expect(operation, `${method} ${url} is not documented`).toBeDefined();
    await contract.check(method, operation!, response);
    return response;
  };
  return SwaggerClient({ url: `${baseURL}/admin/v1/openapi.json`, authorizations: { accessToken: key }, userFetch });
}

export type Failure = { status: number; body: { errors: { errorKey: string; context: Record<string, unknown> }[] } };

/** What swagger-client throws for a non-2xx answer. */
export async function failure(call: Promise<unknown>): Promise<Failure> {
  try {
    await call;
  } catch (error) {
    const { status, response } = error as { status: number; response: { body: never } };
    return { status, body: response.body };
  }
  throw new Error('expected the call to fail');
}
