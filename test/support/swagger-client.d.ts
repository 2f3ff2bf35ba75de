// swagger-client ships no types; the HTTP suite uses it as SCAYLE's examples do.
declare module 'swagger-client' {
  // Answers are JSON of any shape, as for the seed's JavaScript.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  type Operation = (parameters: Record<string, unknown>, options?: { requestBody?: unknown }) => Promise<{ status: number; body: any }>;
  type CustomerOperations =
    | 'getCustomer' | 'getCustomers' | 'createCustomer' | 'updateCustomerReferenceKey' | 'setCustomerPassword' | 'setCustomerPasswordHash'
    | 'getCustomerAddress' | 'getCustomerAddresses' | 'createCustomerAddress' | 'updateCustomerAddress' | 'updateCustomerAddressReferenceKey';
  type Client = { apis: { Customers: Record<CustomerOperations, Operation> }; spec: unknown };
  type Options = {
    url: string;
    authorizations?: Record<string, string>;
    userFetch?: (url: string, init: RequestInit) => Promise<Response>;
  };
  const SwaggerClient: (options: Options) => Promise<Client>;
  export default SwaggerClient;
}
