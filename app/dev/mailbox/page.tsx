import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Fragment } from 'react';
import { readDevMailbox } from '@/app/_domain/email/mailbox';

export const metadata: Metadata = { title: 'Development mailbox', robots: { index: false } };

type Props = { searchParams: Promise<{ to?: string }> };

/** Plain text with its URLs turned into links. */
function Linkified({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/\S+)/g);
  return (
    <>
      {parts.map((part, i) =>
        /^https?:\/\//.test(part) ? (
          <a key={i} href={part}>
            {part}
          </a>
        ) : (
          <Fragment key={i}>{part}</Fragment>
        ),
      )}
    </>
  );
}

export default async function DevMailboxPage({ searchParams }: Props) {
  const { to } = await searchParams;
  const messages = await readDevMailbox({ to });
  if (!messages) notFound();
  return (
    <section className="card">
      <h1>Development mailbox</h1>
      <p className="lead">
        Emails written to the outbox, newest first. {to ? `Showing messages to ${to}.` : 'Filter with ?to=address.'}
      </p>
      {messages.length === 0 ? <p>No messages yet.</p> : null}
      <ol className="mailbox">
        {messages.map((m) => (
          <li key={m.id} className="mail" data-testid="mail">
            <h2>{m.subject}</h2>
            <p className="meta">
              To <strong>{m.to}</strong> · {new Date(m.createdAt).toUTCString()} · {m.sentAt ? 'delivered' : 'not sent (no RESEND_API_KEY)'}
            </p>
            <pre className="mail-body">
              <Linkified text={m.text} />
            </pre>
          </li>
        ))}
      </ol>
    </section>
  );
}
