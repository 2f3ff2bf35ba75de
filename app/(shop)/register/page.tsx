import type { Metadata } from 'next';
import Link from 'next/link';
import { RegisterForm } from './register-form';

export const metadata: Metadata = { title: 'Create your account' };

export default function RegisterPage() {
  return (
    <section className="card narrow">
      <h1>Create your account</h1>
      <p className="lead">
        Already registered? <Link href="/login">Sign in</Link>
      </p>
      <RegisterForm />
    </section>
  );
}
