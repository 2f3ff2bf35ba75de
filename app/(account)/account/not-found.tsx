import NotFound from '../../not-found';

export { metadata } from '../../not-found';

/** The 404 page inside the account area: beside its navigation, in the account layout's <main>. */
export default function AccountNotFound() {
  return <NotFound />;
}
