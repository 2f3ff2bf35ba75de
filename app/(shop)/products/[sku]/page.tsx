import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { currentPrincipal, customerOf } from '@/app/_auth/current';
import { getProduct } from '@/app/_domain/notifications/service';
import { isDomainError } from '@/app/_domain/shared/errors';
import { NotifyForm } from './notify-form';

type Props = { params: Promise<{ sku: string }> };

function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The product of this request (metadata and page share it); an unknown SKU is the 404 page. */
const productOf = cache(async (sku: string) => {
  try {
    return await getProduct(decoded(sku));
  } catch (error) {
    if (isDomainError(error, 'productNotFound')) notFound();
    throw error;
  }
});

/** The signed-in shopper's address for the form, or '' for a guest (or an account that is gone). */
async function shopperEmail(): Promise<{ signedIn: boolean; email: string }> {
  const principal = await currentPrincipal();
  if (!principal) return { signedIn: false, email: '' };
  try {
    return { signedIn: true, email: (await customerOf(principal)).email ?? '' };
  } catch (error) {
    if (isDomainError(error)) return { signedIn: false, email: '' };
    throw error;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const product = await productOf((await params).sku);
  return { title: product.name };
}

/** A minimal product page: name, availability and, while it is sold out, "email me when it's back". */
export default async function ProductPage({ params }: Props) {
  const product = await productOf((await params).sku);
  const shopper = product.isAvailable ? null : await shopperEmail();
  return (
    <section className="card narrow">
      <h1>{product.name}</h1>
      <dl className="details">
        <dt>Item number</dt>
        <dd>{product.sku}</dd>
        <dt>Availability</dt>
        <dd>{product.isAvailable ? 'In stock' : 'Sold out'}</dd>
      </dl>
      {shopper ? <NotifyForm sku={product.sku} defaultEmail={shopper.email} signedIn={shopper.signedIn} /> : null}
    </section>
  );
}
