import type { Metadata } from 'next';
import Link from 'next/link';
import { ForgotPasswordForm } from './forgot-form';

export const metadata: Metadata = { title: 'Forgot your password?' };

export default function ForgotPasswordPage() {
  return (
    <section className="card narrow">
      <h1>Forgot your password?</h1>
      <p className="lead">Enter the email address of your account and we will send you a link to choose a new password.</p>
      <ForgotPasswordForm />
      <p>
        <Link href="/login">Back to sign-in</Link>
      </p>
    </section>
  );
}
