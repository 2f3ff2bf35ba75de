/**
 * The authenticated shopper a request acts for, and the login it came through: a browser
 * session or an API token family (so "every login but this one" can be revoked).
 */
export type Actor = {
  customerId: number;
  reference: string;
  sessionId?: string;
  familyId?: string;
};
