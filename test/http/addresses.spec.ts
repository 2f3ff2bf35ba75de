import { BERLIN, bearer, expect, signedInShopper, test } from './support';

const berlin = { ...BERLIN, phone: '030 1234567' } as const;

test.describe('the address book', () => {
  test('POST, GET (list and one), PATCH and DELETE an address; phones keep their formatting', async ({ api, request, baseURL }) => {
    const shopper = await signedInShopper(api, request);
    const auth = bearer(shopper.accessToken);
    const customer = { customerReference: shopper.reference };

    const created = await api.POST('/customers/{customerReference}/addresses', {
      params: { path: customer },
      body: { data: { type: 'addresses', attributes: berlin } },
      ...auth,
    });
    expect(created.response.status).toBe(201);
    const address = created.data!.data;
    expect(created.response.headers.get('location')).toBe(`${baseURL}/customers/${shopper.reference}/addresses/${address.id}`);
    expect(address.attributes).toMatchObject({ country: 'Germany', phone: '030 1234567', isDefaultShipping: true, isDefaultBilling: true });

    const list = await api.GET('/customers/{customerReference}/addresses', { params: { path: customer }, ...auth });
    expect(list.data!.data.map((a) => a.id)).toEqual([address.id]);

    const item = { ...customer, addressId: address.id };
    const one = await api.GET('/customers/{customerReference}/addresses/{addressId}', { params: { path: item }, ...auth });
    expect(one.response.status).toBe(200);

    const changed = await api.PATCH('/customers/{customerReference}/addresses/{addressId}', {
      params: { path: item },
      body: { data: { type: 'addresses', id: address.id, attributes: { city: 'Berlin-Mitte', phone: '+49 (30) 765-4321' } } },
      ...auth,
    });
    expect(changed.response.status).toBe(200);
    expect(changed.data!.data.attributes).toMatchObject({ city: 'Berlin-Mitte', phone: '+49 (30) 765-4321' });

    const conflict = await api.PATCH('/customers/{customerReference}/addresses/{addressId}', {
      params: { path: item },
      body: { data: { type: 'addresses', id: '00000000-0000-4000-8000-000000000000', attributes: { city: 'Hamburg' } } },
      ...auth,
    });
    expect(conflict.response.status).toBe(409);

    const invalid = await api.PATCH('/customers/{customerReference}/addresses/{addressId}', {
      params: { path: item },
      body: { data: { type: 'addresses', attributes: { zipCode: '1234', phone: '12' } } },
      ...auth,
    });
    expect(invalid.response.status).toBe(422);
    expect(invalid.error!.errors.map((e) => e.source)).toEqual([{ pointer: '/data/attributes/zipCode' }, { pointer: '/data/attributes/phone' }]);

    expect((await api.DELETE('/customers/{customerReference}/addresses/{addressId}', { params: { path: item }, ...auth })).response.status).toBe(204);
    const gone = await api.GET('/customers/{customerReference}/addresses/{addressId}', { params: { path: item }, ...auth });
    expect(gone.response.status).toBe(404);
    expect(gone.error!.errors[0]!.code).toBe('404');
  });

  test("validation names Glue's attributes; another customer's book is 403/411; no id is 400/412", async ({ api, request }) => {
    const shopper = await signedInShopper(api, request);
    const auth = bearer(shopper.accessToken);
    const bad = await api.POST('/customers/{customerReference}/addresses', {
      params: { path: { customerReference: shopper.reference } },
      body: { data: { type: 'addresses', attributes: { ...berlin, address1: '', iso2Code: 'XX', street: 'ignored' } as never } },
      ...auth,
    });
    expect(bad.response.status).toBe(422);
    expect(bad.error!.errors.map((e) => e.detail)).toEqual(['address1 => This value should not be blank.', 'iso2Code => This value is not a valid country.']);

    const others = await api.GET('/customers/{customerReference}/addresses', { params: { path: { customerReference: 'DE--999999' } }, ...auth });
    expect(others.response.status).toBe(403);
    expect(others.error!.errors[0]!.code).toBe('411');

    const noId = await api.PATCH('/customers/{customerReference}/addresses', { params: { path: { customerReference: shopper.reference } }, ...auth });
    expect(noId.response.status).toBe(400);
    expect(noId.error!.errors[0]!.code).toBe('412');
    expect(
      (await api.DELETE('/customers/{customerReference}/addresses', { params: { path: { customerReference: shopper.reference } }, ...auth })).response.status,
    ).toBe(400);
  });
});
