import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Imprint' };

export default function ImprintPage() {
  return (
    <article className="card prose">
      <h1>Imprint</h1>
      <h2>Shop</h2>
      <address>
        Shop GmbH
        <br />
        Example Street 1
        <br />
        10115 Berlin
        <br />
        Germany
      </address>

      <h2>Contact</h2>
      <p>
        Email: <a href="mailto:service@example.com">service@example.com</a>
      </p>

      <h2>Company details</h2>
      <dl className="details">
        <dt>Managing director</dt>
        <dd>Jane Example</dd>
        <dt>Register</dt>
        <dd>Amtsgericht Berlin-Charlottenburg, HRB 000000</dd>
        <dt>VAT ID</dt>
        <dd>DE000000000</dd>
      </dl>

      <h2>Disputes</h2>
      <p>We are neither obliged nor willing to take part in dispute resolution proceedings before a consumer arbitration board.</p>
    </article>
  );
}
