import type { Metadata } from 'next';
import Link from 'next/link';
import { customerOf, requirePrincipal } from '@/app/_auth/current';
import { birthDateFields } from '@/app/_transport/forms/profile-input';
import { shopperDateOrder } from './date-order';
import { ProfileForm } from './profile-form';

export const metadata: Metadata = { title: 'Profile' };

export default async function ProfilePage() {
  const principal = await requirePrincipal('/account/profile');
  const customer = await customerOf(principal);
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
          ...birthDateFields(customer.dateOfBirth),
        }}
        dateOrder={await shopperDateOrder()}
      />
    </section>
  );
}
