import type { Metadata } from 'next';
import Link from 'next/link';
import { customerOf, requireActor } from '@/app/_auth/current';
import { ProfileForm } from './profile-form';

export const metadata: Metadata = { title: 'Profile' };

export default async function ProfilePage() {
  const actor = await requireActor('/account/profile');
  const customer = await customerOf(actor);
  return (
    <section className="card narrow">
      <p className="breadcrumb">
        <Link href="/account">My account</Link>
      </p>
      <h1>Profile</h1>
      <ProfileForm
        defaults={{
          salutation: customer.salutation ?? '',
          firstName: customer.firstName ?? '',
          lastName: customer.lastName ?? '',
          gender: customer.gender ?? '',
          dateOfBirth: customer.dateOfBirth ?? '',
        }}
      />
    </section>
  );
}
