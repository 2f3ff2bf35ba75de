import { addAddress, bearer, expect, JSONAPI, keyFrom, mailTo, PASSWORD, signedInShopper, test, uniqueEmail } from './support';

/**
 * The storefront API over real HTTP against the built app, through the client generated from the
 * OpenAPI document; every answer is validated against that document (see support.ts).
 */

test.describe('registration and confirmation', () => {
  test('POST /customers registers (201, Location), POST /customer-confirmation confirms once', async ({ api, request, baseURL }) => {
    const email = uniqueEmail();
    const attributes = { salutation: 'Mr', firstName: 'Max', lastName: 'Mustermann', email, password: PASSWORD, confirmPassword: PASSWORD, acceptedTerms: true } as const;
    const { data, response } = await api.POST('/customers', { body: { data: { type: 'customers', attributes } } });
    expect(response.status).toBe(201);
    expect(data!.data.id).toMatch(/^DE--\d+$/);
    expect(response.headers.get('location')).toBe(`${baseURL}/customers/${data!.data.id}`);
    expect(data!.data.attributes).toMatchObject({ firstName: 'Max', email, gender: null, dateOfBirth: null });

    const registrationKey = await keyFrom(request, email, 'confirm-registration');
    const confirm = () => api.POST('/customer-confirmation', { body: { data: { type: 'customer-confirmation', attributes: { registrationKey } } } });
    expect((await confirm()).response.status).toBe(204);
    const again = await confirm();
    expect(again.response.status).toBe(422);
    expect(again.error!.errors[0]).toMatchObject({ code: '423', source: { pointer: '/data/attributes/registrationKey' } });
  });

  test('POST /customers answers every bad field at once (901), a mismatch (406) and a taken email (400)', async ({ api }) => {
    const invalid = await api.POST('/customers', {
      body: { data: { type: 'customers', attributes: { salutation: 'Sir', firstName: '', email: 'nope' } as never } },
    });
    expect(invalid.response.status).toBe(422);
    const fields = invalid.error!.errors.map((e) => e.detail.split(' => ')[0]).sort();
    expect(fields).toEqual(['acceptedTerms', 'confirmPassword', 'email', 'firstName', 'lastName', 'password', 'salutation']);

    const email = uniqueEmail();
    const base = { salutation: 'Ms', firstName: 'Ada', lastName: 'Lovelace', email, password: PASSWORD, acceptedTerms: true } as const;
    const mismatch = await api.POST('/customers', { body: { data: { type: 'customers', attributes: { ...base, confirmPassword: 'something-else' } } } });
    expect(mismatch.response.status).toBe(422);
    expect(mismatch.error!.errors).toEqual([
      expect.objectContaining({ code: '406', detail: 'Value in field password should be identical to value in the confirmPassword field.' }),
    ]);
    expect((await api.POST('/customers', { body: { data: { type: 'customers', attributes: { ...base, confirmPassword: PASSWORD } } } })).response.status).toBe(201);
    const taken = await api.POST('/customers', {
      body: { data: { type: 'customers', attributes: { ...base, email: email.toUpperCase(), confirmPassword: PASSWORD } } },
    });
    expect(taken.response.status).toBe(422);
    expect(taken.error!.errors[0]!.code).toBe('400');
  });

  test('request format: 415 for another media type, 400 for bad JSON or type, 413 over 64 KiB; media-type parameters are fine', async ({ raw }) => {
    const body = JSON.stringify({ data: { type: 'customers', attributes: {} } });
    expect((await raw('POST', '/customers', { headers: { 'Content-Type': 'text/plain' }, body, operation: '/customers' })).status).toBe(415);
    expect((await raw('POST', '/customers', { headers: { 'Content-Type': JSONAPI }, body: '{', operation: '/customers' })).status).toBe(400);
    const wrongType = await raw('POST', '/customers', {
      headers: { 'Content-Type': JSONAPI },
      body: JSON.stringify({ data: { type: 'addresses', attributes: {} } }),
      operation: '/customers',
    });
    expect(wrongType.status).toBe(400);
    expect((await wrongType.json()).errors[0].detail).toBe('Invalid type.');
    const huge = JSON.stringify({ data: { type: 'customers', attributes: { firstName: 'x'.repeat(70_000) } } });
    expect((await raw('POST', '/customers', { headers: { 'Content-Type': JSONAPI }, body: huge, operation: '/customers' })).status).toBe(413);
    const versioned = await raw('POST', '/customers', { headers: { 'Content-Type': `${JSONAPI}; version=1.1` }, body, operation: '/customers' });
    expect(versioned.status).toBe(422);
  });
});

test.describe('tokens', () => {
  test('POST /access-tokens (201, Location), POST /refresh-tokens rotates, reuse revokes the family', async ({ api, request, baseURL }) => {
    const shopper = await signedInShopper(api, request);
    const wrong = await api.POST('/access-tokens', { body: { data: { type: 'access-tokens', attributes: { username: shopper.email, password: 'wrong-password' } } } });
    expect(wrong.response.status).toBe(401);
    expect(wrong.error!.errors[0]!.code).toBe('003');
    expect(wrong.response.headers.get('www-authenticate')).toBe('Bearer realm="Access to shop API"');

    const refreshed = await api.POST('/refresh-tokens', { body: { data: { type: 'refresh-tokens', attributes: { refreshToken: shopper.refreshToken } } } });
    expect(refreshed.response.status).toBe(201);
    expect(refreshed.response.headers.get('location')).toBe(`${baseURL}/refresh-tokens`);
    const fresh = refreshed.data!.data.attributes;
    expect(fresh).toMatchObject({ tokenType: 'Bearer', expiresIn: 28800, idCompanyUser: null });

    const replay = await api.POST('/refresh-tokens', { body: { data: { type: 'refresh-tokens', attributes: { refreshToken: shopper.refreshToken } } } });
    expect(replay.response.status).toBe(401);
    expect(replay.error!.errors[0]!.code).toBe('004');
    const revoked = await api.GET('/customers', bearer(fresh.accessToken!));
    expect(revoked.response.status).toBe(401);
  });

  test('DELETE /refresh-tokens/{token} and /mine sign out: 204, and the access token ends with it', async ({ api, request }) => {
    const shopper = await signedInShopper(api, request);
    const one = await api.DELETE('/refresh-tokens/{refreshToken}', { params: { path: { refreshToken: shopper.refreshToken } }, ...bearer(shopper.accessToken) });
    expect(one.response.status).toBe(204);
    expect((await api.GET('/customers', bearer(shopper.accessToken))).response.status).toBe(401);
    const after = await api.POST('/refresh-tokens', { body: { data: { type: 'refresh-tokens', attributes: { refreshToken: shopper.refreshToken } } } });
    expect(after.response.status).toBe(401);

    const again = await api.POST('/access-tokens', { body: { data: { type: 'access-tokens', attributes: { username: shopper.email, password: shopper.password } } } });
    const accessToken = again.data!.data.attributes.accessToken!;
    const mine = await api.DELETE('/refresh-tokens/{refreshToken}', { params: { path: { refreshToken: 'mine' } }, ...bearer(accessToken) });
    expect(mine.response.status).toBe(204);
    expect((await api.GET('/customers', bearer(accessToken))).response.status).toBe(401);
    const anonymous = await api.DELETE('/refresh-tokens/{refreshToken}', { params: { path: { refreshToken: 'mine' } } });
    expect(anonymous.response.status).toBe(403);
    expect(anonymous.error!.errors[0]!.code).toBe('002');
  });
});

test.describe('the customer', () => {
  test('GET /customers and /customers/{ref} (with include=addresses), another reference is 404/402', async ({ api, request }) => {
    const shopper = await signedInShopper(api, request);
    const list = await api.GET('/customers', bearer(shopper.accessToken));
    expect(list.response.status).toBe(200);
    expect(list.data!.data.map((c) => c.id)).toEqual([shopper.reference]);

    await addAddress(api, shopper);
    const included = await api.GET('/customers', { params: { query: { include: 'addresses' } }, ...bearer(shopper.accessToken) });
    expect(included.response.status).toBe(200);
    expect(included.data!.data[0]!.relationships!.addresses.data).toHaveLength(1);
    expect(included.data!.included).toHaveLength(1);

    const one = await api.GET('/customers/{customerReference}', {
      params: { path: { customerReference: shopper.reference }, query: { include: 'addresses', 'fields[customers]': 'email' } },
      ...bearer(shopper.accessToken),
    });
    expect(one.response.status).toBe(200);
    expect(one.data!.data.attributes).toEqual({ email: shopper.email });
    expect(one.data!.data).not.toHaveProperty('relationships');

    const other = await api.GET('/customers/{customerReference}', { params: { path: { customerReference: 'DE--999999' } }, ...bearer(shopper.accessToken) });
    expect(other.response.status).toBe(404);
    expect(other.error!.errors[0]!.code).toBe('402');
    const missing = await api.GET('/customers');
    expect(missing.response.status).toBe(403);
  });

  test('query parameters: an unsupported include and reserved parameters are 400', async ({ raw, api, request }) => {
    const shopper = await signedInShopper(api, request);
    const auth = { Authorization: `Bearer ${shopper.accessToken}` };
    for (const query of ['include=orders', 'sort=firstName', 'foo=1', 'page[size]=5']) {
      const response = await raw('GET', `/customers?${query}`, { headers: auth, operation: '/customers' });
      expect(response.status, query).toBe(400);
    }
    expect((await raw('GET', '/customers?myParam=1', { headers: auth, operation: '/customers' })).status).toBe(200);
  });

  test('PATCH /customers/{ref} changes the profile; a contradicting data.id is 409; DELETE anonymizes', async ({ api, request }) => {
    const shopper = await signedInShopper(api, request);
    const path = { customerReference: shopper.reference };
    const changed = await api.PATCH('/customers/{customerReference}', {
      params: { path },
      body: { data: { type: 'customers', id: shopper.reference, attributes: { firstName: 'Grace', gender: 'Diverse' } } },
      ...bearer(shopper.accessToken),
    });
    expect(changed.response.status).toBe(200);
    expect(changed.data!.data.attributes).toMatchObject({ firstName: 'Grace', gender: 'Diverse' });

    const conflict = await api.PATCH('/customers/{customerReference}', {
      params: { path },
      body: { data: { type: 'customers', id: 'DE--1', attributes: { firstName: 'Mallory' } } },
      ...bearer(shopper.accessToken),
    });
    expect(conflict.response.status).toBe(409);

    const gender = await api.PATCH('/customers/{customerReference}', {
      params: { path },
      body: { data: { type: 'customers', attributes: { gender: 'Robot' } } },
      ...bearer(shopper.accessToken),
    });
    expect(gender.response.status).toBe(422);
    expect(gender.error!.errors[0]!.code).toBe('414');

    const others = await api.DELETE('/customers/{customerReference}', { params: { path: { customerReference: 'DE--999999' } }, ...bearer(shopper.accessToken) });
    expect(others.response.status).toBe(403);
    expect(others.error!.errors[0]!.code).toBe('411');
    expect((await api.DELETE('/customers/{customerReference}', { params: { path }, ...bearer(shopper.accessToken) })).response.status).toBe(204);
    expect((await api.GET('/customers', bearer(shopper.accessToken))).response.status).toBe(401);
  });

  test('PATCH and DELETE /customers without a reference are 400/405', async ({ api }) => {
    const patch = await api.PATCH('/customers');
    expect(patch.response.status).toBe(400);
    expect(patch.error!.errors[0]!.code).toBe('405');
    expect((await api.DELETE('/customers')).response.status).toBe(400);
  });
});

test.describe('passwords', () => {
  test('PATCH /customer-password (no reference) changes the password: 901 → 406 → 408 → 204, other logins end, a notice is mailed', async ({ api, request }) => {
    const shopper = await signedInShopper(api, request);
    const otherLogin = await api.POST('/access-tokens', { body: { data: { type: 'access-tokens', attributes: { username: shopper.email, password: PASSWORD } } } });
    const otherToken = otherLogin.data!.data.attributes.accessToken;
    const change = (attributes: { password: string; newPassword: string; confirmPassword: string }) =>
      api.PATCH('/customer-password', { body: { data: { type: 'customer-password', attributes } }, ...bearer(shopper.accessToken) });

    const short = await change({ password: PASSWORD, newPassword: 'short', confirmPassword: 'short' });
    expect(short.response.status).toBe(422);
    expect(short.error!.errors[0]!.code).toBe('901');
    const mismatch = await change({ password: PASSWORD, newPassword: 'a-new-password-1', confirmPassword: 'a-new-password-2' });
    expect(mismatch.response.status).toBe(422);
    expect(mismatch.error!.errors[0]!.code).toBe('406');
    const wrong = await change({ password: 'not-the-password', newPassword: 'a-new-password-1', confirmPassword: 'a-new-password-1' });
    expect(wrong.response.status).toBe(400);
    expect(wrong.error!.errors[0]!.code).toBe('408');
    const done = await change({ password: PASSWORD, newPassword: 'a-new-password-1', confirmPassword: 'a-new-password-1' });
    expect(done.response.status).toBe(204);

    expect((await api.GET('/customers', bearer(shopper.accessToken))).response.status).toBe(200);
    expect((await api.GET('/customers', bearer(otherToken!))).response.status).toBe(401);
    const notices = (await mailTo(request, shopper.email, 2)).filter((m) => m.kind === 'password-changed');
    expect(notices).toHaveLength(1);
  });

  test('PATCH /customer-password/{ref}: own reference 204, another 403/411', async ({ api, request }) => {
    const shopper = await signedInShopper(api, request);
    const attributes = { password: PASSWORD, newPassword: 'a-new-password-1', confirmPassword: 'a-new-password-1' };
    const other = await api.PATCH('/customer-password/{customerReference}', {
      params: { path: { customerReference: 'DE--999999' } },
      body: { data: { type: 'customer-password', attributes } },
      ...bearer(shopper.accessToken),
    });
    expect(other.response.status).toBe(403);
    expect(other.error!.errors[0]!.code).toBe('411');
    const own = await api.PATCH('/customer-password/{customerReference}', {
      params: { path: { customerReference: shopper.reference } },
      body: { data: { type: 'customer-password', attributes } },
      ...bearer(shopper.accessToken),
    });
    expect(own.response.status).toBe(204);
  });

  test('forgotten password: POST /customer-forgotten-password 204, PATCH /customer-restore-password sets it, /{anyId} too', async ({ api, request }) => {
    const shopper = await signedInShopper(api, request);
    const ask = () => api.POST('/customer-forgotten-password', { body: { data: { type: 'customer-forgotten-password', attributes: { email: shopper.email } } } });
    expect((await ask()).response.status).toBe(204);
    const unknown = await api.POST('/customer-forgotten-password', {
      body: { data: { type: 'customer-forgotten-password', attributes: { email: uniqueEmail('nobody') } } },
    });
    expect(unknown.response.status).toBe(204);
    const restorePasswordKey = await keyFrom(request, shopper.email, 'reset-password', 2);

    const mismatch = await api.PATCH('/customer-restore-password', {
      body: { data: { type: 'customer-restore-password', attributes: { restorePasswordKey, password: 'a-new-password-1', confirmPassword: 'other-password-1' } } },
    });
    expect(mismatch.response.status).toBe(422);
    expect(mismatch.error!.errors[0]!.code).toBe('406');
    const restored = await api.PATCH('/customer-restore-password', {
      body: { data: { type: 'customer-restore-password', attributes: { restorePasswordKey, password: 'a-new-password-1', confirmPassword: 'a-new-password-1' } } },
    });
    expect(restored.response.status).toBe(204);
    expect((await api.GET('/customers', bearer(shopper.accessToken))).response.status).toBe(401);

    const used = await api.PATCH('/customer-restore-password/{id}', {
      params: { path: { id: 'mine' } },
      body: { data: { type: 'customer-restore-password', attributes: { restorePasswordKey, password: 'a-new-password-2', confirmPassword: 'a-new-password-2' } } },
    });
    expect(used.response.status).toBe(422);
    expect(used.error!.errors[0]).toMatchObject({ code: '415', source: { pointer: '/data/attributes/restorePasswordKey' } });

    expect((await ask()).response.status).toBe(204);
    const second = await keyFrom(request, shopper.email, 'reset-password', 4);
    const withId = await api.PATCH('/customer-restore-password/{id}', {
      params: { path: { id: '1' } },
      body: { data: { type: 'customer-restore-password', attributes: { restorePasswordKey: second, password: 'a-new-password-3', confirmPassword: 'a-new-password-3' } } },
    });
    expect(withId.response.status).toBe(204);
  });
});
