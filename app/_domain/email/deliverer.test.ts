import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { claimDueEmails, insertEmail, selectEmailById } from '@/db/queries/email-outbox';
import { emailOutbox } from '@/db/schema';
import { setupTestDatabase } from '@/test/support/database';
import { backoffSeconds, deliverDueEmails } from './deliverer';
import { readDevMailbox } from './mailbox';
import { enqueueEmail } from './outbox';
import { confirmRegistrationEmail, type EmailMessage } from './templates';

// Not a React hook: it registers beforeAll/afterAll hooks (the name trips the React lint rule).
setupTestDatabase();

// ------------------------------------------------------------------------ a local fake of Resend's API

type Received = { method: string; url: string; headers: IncomingHttpHeaders; body: Record<string, unknown> };

const fake = {
  server: undefined as Server | undefined,
  url: '',
  requests: [] as Received[],
  /** Whether the provider answers a request with an error. */
  failing: (_body: Record<string, unknown>) => false,
  delayMs: 0,
  nextId: 0,
  reset() {
    this.requests = [];
    this.failing = () => false;
    this.delayMs = 0;
  },
};

function listen(server: Server): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { address, port } = server.address() as AddressInfo;
      resolve(`http://${address}:${port}`);
    });
  });
}

function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
}

beforeAll(async () => {
  fake.server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', async () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const body = (text ? JSON.parse(text) : {}) as Record<string, unknown>;
      fake.requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      if (fake.delayMs > 0) await new Promise((r) => setTimeout(r, fake.delayMs));
      const failing = fake.failing(body);
      res.writeHead(failing ? 500 : 200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify(
          failing
            ? { name: 'internal_server_error', message: 'The provider is down.', statusCode: 500 }
            : { id: `re_msg_${++fake.nextId}` },
        ),
      );
    });
  });
  fake.url = await listen(fake.server);
});

afterAll(async () => {
  if (fake.server) await close(fake.server);
});

const FROM = 'Shop Test <no-reply@shop.example.test>';

beforeEach(async () => {
  fake.reset();
  vi.stubEnv('RESEND_BASE_URL', fake.url);
  vi.stubEnv('RESEND_API_KEY', 're_test_dummy_key');
  vi.stubEnv('EMAIL_FROM', FROM);
  await getDb().delete(emailOutbox);
});

afterEach(() => {
  vi.unstubAllEnvs();
  vi.useRealTimers();
});

// ----------------------------------------------------------------------------------------- helpers

function message(to: string, subject = `Hello ${to}`): EmailMessage {
  return {
    kind: 'test',
    toAddress: to,
    subject,
    textBody: `Text for ${to}`,
    htmlBody: `<p>HTML for ${to}</p>`,
  };
}

async function queue(...messages: EmailMessage[]): Promise<number[]> {
  const ids: number[] = [];
  for (const m of messages) ids.push((await insertEmail(getDb(), m)).id);
  return ids;
}

async function row(id: number) {
  const found = await selectEmailById(getDb(), id);
  if (!found) throw new Error(`outbox row ${id} not found`);
  return found;
}

/** A moment safely after the rows were inserted (their next_attempt_at is the database's now()). */
function soon(): Date {
  return new Date(Date.now() + 5_000);
}

const at = (date: Date, plusMs = 0) => () => new Date(date.getTime() + plusMs);

// ------------------------------------------------------------------------------------------- tests

describe('backoffSeconds', () => {
  it('doubles with every attempt: 1, 2, 4, 8, 16, 32 seconds', () => {
    expect([1, 2, 3, 4, 5, 6].map(backoffSeconds)).toEqual([1, 2, 4, 8, 16, 32]);
  });

  it('is capped at 60 seconds', () => {
    expect(backoffSeconds(7)).toBe(60);
    expect(backoffSeconds(8)).toBe(60);
    expect(backoffSeconds(50)).toBe(60);
    expect(backoffSeconds(5000)).toBe(60);
  });

  it('never waits less than a second', () => {
    expect(backoffSeconds(0)).toBe(1);
  });
});

describe('deliverDueEmails', () => {
  it('sends a queued message through Resend with from, to, subject, text, html and the row id as idempotency key', async () => {
    const email = confirmRegistrationEmail({ email: 'ada@example.com' }, 'k3y');
    const [id] = await queue(email);
    const now = soon();

    await expect(deliverDueEmails(at(now))).resolves.toEqual({ sent: 1, failed: 0 });

    expect(fake.requests).toHaveLength(1);
    const [request] = fake.requests;
    expect(request!.method).toBe('POST');
    expect(request!.url).toBe('/emails');
    expect(request!.headers['idempotency-key']).toBe(`email-outbox-${id}`);
    expect(request!.headers.authorization).toBe('Bearer re_test_dummy_key');
    expect(request!.body).toEqual({
      from: FROM,
      to: 'ada@example.com',
      subject: 'Confirm your email address',
      text: email.textBody,
      html: email.htmlBody,
    });
    expect(request!.body.text).toContain('https://shop.example.test/register/confirm?key=k3y');
  });

  it('marks a delivered message sent with the time and the provider message id', async () => {
    const [id] = await queue(message('ada@example.com'));
    const now = soon();
    await deliverDueEmails(at(now));

    const sent = await row(id!);
    expect(sent.sentAt?.getTime()).toBe(now.getTime());
    expect(sent.providerMessageId).toBe(`re_msg_${fake.nextId}`);
    expect(sent.attempts).toBe(1);
    expect(sent.lastError).toBeNull();
    expect(sent.lockedUntil).toBeNull();
  });

  it('never sends a delivered message again in later rounds', async () => {
    await queue(message('ada@example.com'));
    const now = soon();
    await deliverDueEmails(at(now));
    await expect(deliverDueEmails(at(now, 60_000))).resolves.toEqual({ sent: 0, failed: 0 });
    await expect(deliverDueEmails(at(now, 24 * 3600_000))).resolves.toEqual({ sent: 0, failed: 0 });
    expect(fake.requests).toHaveLength(1);
  });

  it('sends every due message of a round in queue order', async () => {
    const ids = await queue(message('a@example.com'), message('b@example.com'), message('c@example.com'));
    await expect(deliverDueEmails(at(soon()))).resolves.toEqual({ sent: 3, failed: 0 });
    expect(fake.requests.map((r) => r.headers['idempotency-key'])).toEqual(ids.map((id) => `email-outbox-${id}`));
    expect(fake.requests.map((r) => r.body.to)).toEqual(['a@example.com', 'b@example.com', 'c@example.com']);
  });

  it('does not send a message whose next attempt lies in the future', async () => {
    await queue(message('ada@example.com'));
    await expect(deliverDueEmails(at(new Date(Date.now() - 60_000)))).resolves.toEqual({ sent: 0, failed: 0 });
    expect(fake.requests).toHaveLength(0);
  });

  it('leaves a message unsent after a provider error, with attempts + 1, the error and a backed-off next attempt', async () => {
    fake.failing = () => true;
    const [id] = await queue(message('ada@example.com'));
    const now = soon();

    await expect(deliverDueEmails(at(now))).resolves.toEqual({ sent: 0, failed: 1 });

    const failed = await row(id!);
    expect(failed.sentAt).toBeNull();
    expect(failed.providerMessageId).toBeNull();
    expect(failed.attempts).toBe(1);
    expect(failed.lastError).toBe('internal_server_error: The provider is down.');
    expect(failed.nextAttemptAt.getTime()).toBe(now.getTime() + backoffSeconds(1) * 1000);
    expect(failed.lockedUntil).toBeNull();
  });

  it('waits out the backoff and pushes the next attempt back further after each failure', async () => {
    fake.failing = () => true;
    const [id] = await queue(message('ada@example.com'));
    const t0 = soon();

    await deliverDueEmails(at(t0));
    const t1 = (await row(id!)).nextAttemptAt;
    expect(t1.getTime()).toBe(t0.getTime() + 1_000);

    // Before the backoff has passed nothing is tried.
    await expect(deliverDueEmails(at(t1, -1))).resolves.toEqual({ sent: 0, failed: 0 });
    expect(fake.requests).toHaveLength(1);

    await expect(deliverDueEmails(at(t1))).resolves.toEqual({ sent: 0, failed: 1 });
    const second = await row(id!);
    expect(second.attempts).toBe(2);
    expect(second.nextAttemptAt.getTime()).toBe(t1.getTime() + 2_000);

    await deliverDueEmails(at(second.nextAttemptAt));
    const third = await row(id!);
    expect(third.attempts).toBe(3);
    expect(third.nextAttemptAt.getTime()).toBe(second.nextAttemptAt.getTime() + 4_000);
    expect(fake.requests).toHaveLength(3);
  });

  it('delivers a failed message in a later round once the provider recovers, with the same idempotency key', async () => {
    fake.failing = () => true;
    const [id] = await queue(message('ada@example.com'));
    const t0 = soon();
    await deliverDueEmails(at(t0));
    await deliverDueEmails(at(t0, 1_000));
    expect((await row(id!)).sentAt).toBeNull();

    fake.failing = () => false;
    const retryAt = (await row(id!)).nextAttemptAt;
    await expect(deliverDueEmails(at(retryAt))).resolves.toEqual({ sent: 1, failed: 0 });

    const delivered = await row(id!);
    expect(delivered.sentAt?.getTime()).toBe(retryAt.getTime());
    expect(delivered.attempts).toBe(3);
    expect(delivered.lastError).toBeNull();
    expect(delivered.providerMessageId).toMatch(/^re_msg_\d+$/);
    expect(fake.requests).toHaveLength(3);
    expect(new Set(fake.requests.map((r) => r.headers['idempotency-key']))).toEqual(new Set([`email-outbox-${id}`]));
  });

  it('keeps delivering the other messages of a round when one fails', async () => {
    fake.failing = (body) => body.to === 'bounce@example.com';
    const [a, bounce, c] = await queue(message('a@example.com'), message('bounce@example.com'), message('c@example.com'));
    await expect(deliverDueEmails(at(soon()))).resolves.toEqual({ sent: 2, failed: 1 });
    expect((await row(a!)).sentAt).not.toBeNull();
    expect((await row(bounce!)).sentAt).toBeNull();
    expect((await row(c!)).sentAt).not.toBeNull();
  });

  it('delivers each message exactly once when two deliverers run concurrently', async () => {
    fake.delayMs = 15;
    // More than one batch (20), so both deliverers must get work.
    const ids = await queue(...Array.from({ length: 25 }, (_, i) => message(`user${i}@example.com`)));
    const now = soon();

    const results = await Promise.all([deliverDueEmails(at(now)), deliverDueEmails(at(now))]);

    expect(results.reduce((sum, r) => sum + r.sent, 0)).toBe(25);
    expect(results.every((r) => r.failed === 0)).toBe(true);
    expect(results.every((r) => r.sent > 0)).toBe(true);
    expect(fake.requests).toHaveLength(25);
    const keys = fake.requests.map((r) => r.headers['idempotency-key']).sort();
    expect(keys).toEqual(ids.map((id) => `email-outbox-${id}`).sort());
    for (const id of ids) expect((await row(id)).attempts).toBe(1);

    await expect(deliverDueEmails(at(now, 3600_000))).resolves.toEqual({ sent: 0, failed: 0 });
    expect(fake.requests).toHaveLength(25);
  });

  it('does not send a message claimed by another deliverer until its lease has expired', async () => {
    const [id] = await queue(message('ada@example.com'));
    const t0 = soon();
    // Another instance claimed the row and died before sending it.
    await claimDueEmails(getDb(), t0, 20, 60);

    await expect(deliverDueEmails(at(t0, 59_000))).resolves.toEqual({ sent: 0, failed: 0 });
    expect(fake.requests).toHaveLength(0);

    await expect(deliverDueEmails(at(t0, 60_000))).resolves.toEqual({ sent: 1, failed: 0 });
    expect((await row(id!)).sentAt).not.toBeNull();
  });

  it.each([
    ['unset', undefined],
    ['empty', ''],
  ])('sends nothing and keeps messages queued when RESEND_API_KEY is %s', async (_, key) => {
    vi.stubEnv('RESEND_API_KEY', key);
    const [id] = await queue(message('ada@example.com'));

    await expect(deliverDueEmails(at(soon()))).resolves.toEqual({ sent: 0, failed: 0 });

    expect(fake.requests).toHaveLength(0);
    const queued = await row(id!);
    expect(queued.sentAt).toBeNull();
    expect(queued.attempts).toBe(0);
    expect(queued.lockedUntil).toBeNull();
    // …where the development mailbox shows them.
    expect((await readDevMailbox())?.map((m) => m.id)).toEqual([id]);
  });

  it('counts a network error (provider unreachable) as a failed attempt instead of crashing', async () => {
    const closed = createServer();
    const url = await listen(closed);
    await close(closed);
    vi.stubEnv('RESEND_BASE_URL', url);
    const [id] = await queue(message('ada@example.com'));
    const now = soon();

    await expect(deliverDueEmails(at(now))).resolves.toEqual({ sent: 0, failed: 1 });

    const failed = await row(id!);
    expect(failed.sentAt).toBeNull();
    expect(failed.attempts).toBe(1);
    expect(failed.lastError).toMatch(/unable to fetch/i);
    expect(failed.nextAttemptAt.getTime()).toBe(now.getTime() + 1_000);

    // Back on the working provider, the next round delivers it.
    vi.stubEnv('RESEND_BASE_URL', fake.url);
    await expect(deliverDueEmails(at(now, 1_000))).resolves.toEqual({ sent: 1, failed: 0 });
  });
});

describe('enqueueEmail', () => {
  it('queues nothing when the caller’s transaction rolls back', async () => {
    await expect(
      getDb().transaction(async (tx) => {
        await enqueueEmail(tx, null, message('ada@example.com'));
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');

    await expect(deliverDueEmails(at(soon()))).resolves.toEqual({ sent: 0, failed: 0 });
    expect(fake.requests).toHaveLength(0);
  });

  it('queues a message that the deliverer sends once the transaction commits', async () => {
    await getDb().transaction(async (tx) => {
      await enqueueEmail(tx, null, message('ada@example.com', 'Committed'));
    });
    await expect(deliverDueEmails(at(soon()))).resolves.toEqual({ sent: 1, failed: 0 });
    expect(fake.requests.map((r) => r.body.subject)).toEqual(['Committed']);
  });
});

describe('readDevMailbox', () => {
  it('lists the outbox newest first with every part of each message', async () => {
    const [first, second, third] = await queue(
      message('ada@example.com', 'First'),
      message('bob@example.com', 'Second'),
      message('Ada@Example.com', 'Third'),
    );
    const mailbox = await readDevMailbox();
    expect(mailbox?.map((m) => m.id)).toEqual([third, second, first]);
    expect(mailbox?.[2]).toEqual({
      id: first,
      kind: 'test',
      to: 'ada@example.com',
      subject: 'First',
      text: 'Text for ada@example.com',
      html: '<p>HTML for ada@example.com</p>',
      createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
      sentAt: null,
    });
  });

  it('filters by recipient case-insensitively', async () => {
    const [first, , third] = await queue(
      message('ada@example.com', 'First'),
      message('bob@example.com', 'Second'),
      message('Ada@Example.com', 'Third'),
    );
    const mailbox = await readDevMailbox({ to: 'ADA@example.COM' });
    expect(mailbox?.map((m) => m.id)).toEqual([third, first]);
    expect((await readDevMailbox({ to: 'nobody@example.com' }))).toEqual([]);
  });

  it('returns at most `limit` messages, the newest', async () => {
    const ids = await queue(message('a@example.com'), message('b@example.com'), message('c@example.com'));
    expect((await readDevMailbox({ limit: 2 }))?.map((m) => m.id)).toEqual([ids[2], ids[1]]);
  });

  it('shows when a message was sent', async () => {
    const [id] = await queue(message('ada@example.com'));
    const now = soon();
    await deliverDueEmails(at(now));
    const [listed] = (await readDevMailbox()) ?? [];
    expect(listed?.id).toBe(id);
    expect(listed?.sentAt).toBe(now.toISOString());
  });

  it('is off (null) in production without DEV_MAILBOX=1', async () => {
    await queue(message('ada@example.com'));
    vi.stubEnv('NODE_ENV', 'production');
    vi.stubEnv('DEV_MAILBOX', undefined);
    await expect(readDevMailbox()).resolves.toBeNull();
    vi.stubEnv('DEV_MAILBOX', '0');
    await expect(readDevMailbox()).resolves.toBeNull();
  });

  it('is on in production with DEV_MAILBOX=1', async () => {
    const [id] = await queue(message('ada@example.com'));
    vi.stubEnv('NODE_ENV', 'production');
    vi.stubEnv('DEV_MAILBOX', '1');
    expect((await readDevMailbox())?.map((m) => m.id)).toEqual([id]);
  });
});
