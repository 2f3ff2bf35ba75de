export * from './customers';
export * from './customer-keys';
export * from './email-outbox';
export * from './rate-limits';
export * from './auth';
export * from './customer-addresses';
export * from './admin-api-keys';
export * from './availability';
