// swagger-client ships no types; the HTTP suite uses it as SCAYLE's examples do.
declare module 'swagger-client' {
  /** An answer's JSON body; the tests read the fields they check. */
  type Body = Record<string, unknown>;
  type Operation = (parameters: Record<string, unknown>, options?: { requestBody?: unknown }) => Promise<{ status: number; body: Body }>;
  type CustomerOperations =
    | 'getCustomer' | 'getCustomers' | 'createCustomer' | 'updateCustomerReferenceKey' | 'setCustomerPassword' | 'setCustomerPasswordHash'
    | 'getCustomerAddress' | 'getCustomerAddresses' | 'createCustomerAddress' | 'updateCustomerAddress' | 'updateCustomerAddressReferenceKey';
  type Client = { apis: { Customers: Record<CustomerOperations, Operation>; Products: Record<'putProduct' | 'getProduct', Operation> }; spec: unknown };
  type Options = {
    url: string;
    authorizations?: Record<string, string>;
    userFetch?: (url: string, init: RequestInit) => Promise<Response>;
  };
  const SwaggerClient: (options: Options) => Promise<Client>;
  export default SwaggerClient;
}
