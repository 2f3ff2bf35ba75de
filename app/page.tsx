import Link from 'next/link';

export default function HomePage() {
  return (
    <section className="card">
      <h1>Your shop account</h1>
      <p className="lead">
        Keep your details and addresses in one place, check out faster and hear when sold-out products are back.
      </p>
      <p className="actions">
        <Link className="button" href="/register">
          Create an account
        </Link>
        <Link className="button button-secondary" href="/login">
          Sign in
        </Link>
      </p>
    </section>
  );
}
