/**
 * API keys belong to the admin who made them: listed with that owner, never acting above the
 * owner's current role, and revoked when the owner is demoted or removed, so a key cannot outlive
 * its admin or bring the admin back.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { asOperator, createUser, withTenant } from '@pulse/db';
import { hashPassword } from '@pulse/server';
import { describeEachDb } from '../../../../test/support/databases.ts';
import { apiFixture, bearer, password, type ApiFixture } from './fixture.ts';

describeEachDb('API key owners', (handle) => {
  let f: ApiFixture;
  beforeAll(async () => {
    f = await apiFixture(handle, 'owner');
  });
  afterAll(() => f?.close());

  const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, token: string, payload?: object) =>
    f.app.inject({ method, url: `/api/v1${url}`, headers: bearer(token), ...(payload ? { payload } : {}) });

  /** A second admin of tenant A (so the fixture's admin can demote or remove it), logged in. */
  const extraAdmin = async (name: string) => {
    const email = `${name}@a.example`;
    const passwordHash = await hashPassword(password);
    const user = await createUser(
      handle.db,
      { tenant: f.tenants.a.slug, email, role: 'admin', passwordHash },
      'test',
    );
    const login = await f.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email, password },
    });
    return { id: user.id, email, token: login.json<{ accessToken: string }>().accessToken };
  };
  const makeKey = async (token: string, name: string) => {
    const res = await call('POST', '/api-keys', token, { name, scopes: ['admin'] });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string; key: string }>();
  };
  const listed = async (id: string) =>
    (await call('GET', '/api-keys', f.tokens.admin)).json().items.find((k: { id: string }) => k.id === id);

  it('lists each key with its owner; a key made with a key belongs to the same owner', async () => {
    const owner = await extraAdmin('lister');
    const first = await makeKey(owner.token, 'ci');
    const second = await makeKey(first.key, 'made by ci');
    expect(await listed(first.id)).toMatchObject({ owner: { id: owner.id, email: owner.email } });
    expect(await listed(second.id)).toMatchObject({ owner: { id: owner.id, email: owner.email } });
    const cli = (await call('GET', '/api-keys', f.tokens.admin))
      .json()
      .items.find((k: { name: string }) => k.name === 'admin key');
    expect(cli.owner).toBeNull();
  });

  it('revokes the keys of an admin who is demoted, including keys made with their keys', async () => {
    const owner = await extraAdmin('demoted');
    const key = await makeKey(owner.token, 'nightly');
    const child = await makeKey(key.key, 'child');
    expect((await call('GET', '/me', key.key)).json()).toMatchObject({ kind: 'api_key', role: 'admin' });
    const demote = await call('PATCH', `/users/${owner.id}`, f.tokens.admin, { role: 'member' });
    expect(demote.statusCode).toBe(200);
    for (const k of [key, child]) {
      const res = await call('GET', '/me', k.key);
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('AUTH_TOKEN_INVALID');
      expect((await listed(k.id)).revokedAt).toEqual(expect.any(String));
    }
  });

  it('a deleted owner’s keys are revoked, not left ownerless with their full scope', async () => {
    const owner = await extraAdmin('deleted');
    const key = await makeKey(owner.token, 'orphan');
    await asOperator(handle.db, { actor: 'test', action: 'user.delete' }, async (tx) => {
      await tx.query('delete from users where id = $1', [owner.id]);
      return { tenantId: null, result: undefined };
    });
    await new Promise((resolve) => setTimeout(resolve, 5_100)); // the key's verification cache
    expect((await call('GET', '/me', key.key)).statusCode).toBe(401);
    expect(await listed(key.id)).toMatchObject({ owner: null, revokedAt: expect.any(String) });
  });

  it('a key never acts above its owner’s current role, however the role was lowered', async () => {
    const owner = await extraAdmin('capped');
    const key = await makeKey(owner.token, 'capped');
    // Demoted outside the API (no revocation ran): the key is capped at the owner's role.
    await withTenant(handle.db, f.tenants.a.id, (tx) =>
      tx.query("update memberships set role = 'viewer' where user_id = $1", [owner.id]),
    );
    await new Promise((resolve) => setTimeout(resolve, 5_100)); // the key's verification cache
    expect((await call('GET', '/me', key.key)).json()).toMatchObject({ role: 'viewer' });
    expect((await call('GET', '/users', key.key)).statusCode).toBe(403);
  });

  it('a removed owner’s key stops working and cannot add its owner back as admin', async () => {
    const owner = await extraAdmin('removed');
    const key = await makeKey(owner.token, 'leftover');
    expect((await call('DELETE', `/users/${owner.id}`, f.tokens.admin)).statusCode).toBe(204);
    const readd = await call('POST', '/users', key.key, { email: owner.email, role: 'admin' });
    expect(readd.statusCode).toBe(401);
    expect(readd.json().error.code).toBe('AUTH_TOKEN_INVALID');
    const members = (await call('GET', '/users', f.tokens.admin)).json().items as { email: string }[];
    expect(members.map((u) => u.email)).not.toContain(owner.email);
    expect((await listed(key.id)).owner).toEqual({ id: owner.id, email: null });
  });
});
