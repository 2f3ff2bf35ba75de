import Link from 'next/link';

export default function NotFound() {
  return (
    <section className="card narrow">
      <h1>Page not found</h1>
      <p>
        The page you are looking for does not exist. <Link href="/">Go to the start page</Link>.
      </p>
    </section>
  );
}
