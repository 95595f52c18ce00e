/**
 * Authentication through the real app: login, refresh rotation with reuse detection, logout,
 * lockout, API keys, and the token attacks (alg none, wrong key, expired, tampered tenant claim).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SignJWT, UnsecuredJWT } from 'jose';
import { createUser, withTenant } from '@pulse/db';
import { hashPassword, signAccessToken, tokenKeys } from '@pulse/server';
import { describeEachDb } from '../../../../test/support/databases.ts';
import { apiFixture, bearer, password, type ApiFixture } from './fixture.ts';

describeEachDb('API authentication', (handle) => {
  let f: ApiFixture;
  beforeAll(async () => {
    f = await apiFixture(handle, 'auth');
  });
  afterAll(() => f?.close());

  const me = (token: string) => f.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(token) });
  const loginAs = (email: string, pass = password, tenant?: string) =>
    f.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: pass, tenant } });
  const refreshWith = (refreshToken: string) =>
    f.app.inject({ method: 'POST', url: '/api/v1/auth/refresh', payload: { refreshToken } });

  it('login returns tokens; /me names the user, tenant and role', async () => {
    const res = await loginAs(f.emails.member);
    expect(res.statusCode).toBe(200);
    const session = res.json();
    expect(session).toMatchObject({ tokenType: 'Bearer', expiresIn: 900, tenant: f.tenants.a });
    expect(session.refreshToken).toMatch(/^pulse_rt_/);
    const who = await me(session.accessToken);
    expect(who.statusCode).toBe(200);
    expect(who.json()).toMatchObject({
      kind: 'user',
      user: { email: f.emails.member },
      tenant: { id: f.tenants.a.id, slug: f.tenants.a.slug },
      role: 'member',
      operator: false,
    });
  });

  it('a wrong password, an unknown account and a foreign tenant all fail alike', async () => {
    for (const res of [
      await loginAs(f.emails.viewer, 'wrong password'),
      await loginAs('nobody@a.example'),
      await loginAs(f.emails.viewer, password, f.tenants.b.slug),
    ]) {
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('LOGIN_FAILED');
    }
  });

  it('an operator without membership names the tenant; without one the login is ambiguous', async () => {
    const res = await loginAs(f.emails.operator, password, f.tenants.a.slug);
    expect(res.statusCode).toBe(200);
    expect((await me(res.json().accessToken)).json()).toMatchObject({ role: 'admin', operator: true });
    // An account in two tenants must name one.
    const email = `twice-auth@a.example`;
    const passwordHash = await hashPassword(password);
    for (const tenant of [f.tenants.a.slug, f.tenants.b.slug])
      await createUser(handle.db, { tenant, email, role: 'viewer', passwordHash }, 'test');
    const ambiguous = await loginAs(email);
    expect(ambiguous.statusCode).toBe(400);
    expect(ambiguous.json().error.code).toBe('LOGIN_TENANT_AMBIGUOUS');
    expect((await loginAs(email, password, f.tenants.b.slug)).json().tenant).toEqual(f.tenants.b);
  });

  it('refresh rotates: the new pair works, the old refresh token replayed revokes the family', async () => {
    const first = (await loginAs(f.emails.admin)).json();
    const second = await refreshWith(first.refreshToken);
    expect(second.statusCode).toBe(200);
    const pair = second.json();
    expect(pair.refreshToken).not.toBe(first.refreshToken);
    expect((await me(pair.accessToken)).statusCode).toBe(200);
    // The stolen copy of the first token is replayed: rejected, and the thief's victim is logged out too.
    const replay = await refreshWith(first.refreshToken);
    expect(replay.statusCode).toBe(401);
    expect(replay.json().error.code).toBe('REFRESH_TOKEN_INVALID');
    expect((await refreshWith(pair.refreshToken)).statusCode).toBe(401);
    // Another login of the same user is a separate family and keeps working.
    const other = (await loginAs(f.emails.admin)).json();
    expect((await refreshWith(other.refreshToken)).statusCode).toBe(200);
  });

  it('logout ends the session; logging out twice is fine', async () => {
    const session = (await loginAs(f.emails.viewer)).json();
    const out = await f.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      payload: { refreshToken: session.refreshToken },
    });
    expect(out.statusCode).toBe(204);
    expect((await refreshWith(session.refreshToken)).statusCode).toBe(401);
    const again = await f.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      payload: { refreshToken: session.refreshToken },
    });
    expect(again.statusCode).toBe(204);
  });

  it('slows an e-mail after 5 failed logins from one address, without locking the account', async () => {
    const email = f.emails.other;
    const from = (address: string, pass: string) =>
      f.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email, password: pass },
        remoteAddress: address,
      });
    for (let i = 0; i < 5; i++)
      expect((await from('203.0.113.50', 'nope')).json().error.code).toBe('LOGIN_FAILED');
    const right = await from('203.0.113.50', password);
    expect(right.statusCode).toBe(429);
    expect(right.json().error.code).toBe('LOGIN_RATE_LIMITED');
    expect(Number(right.headers['retry-after'])).toBeGreaterThan(0);
    // The owner, somewhere else, is not affected.
    expect((await from('198.51.100.50', password)).statusCode).toBe(200);
  });

  it('rejects alg none, a wrong key, an expired token and a tampered tenant claim', async () => {
    const keys = tokenKeys(f.keyring);
    const good = f.tokens.admin;
    const [header, payload, signature] = good.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const unsecured = new UnsecuredJWT(claims).encode();
    const foreignKey = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256', kid: keys.currentId })
      .sign(new Uint8Array(32).fill(7));
    const expired = await signAccessToken(
      keys,
      { sub: claims.sub, tid: claims.tid, op: false, sid: claims.sid },
      new Date(Date.now() - 3_600_000),
    );
    const tampered = `${header}.${Buffer.from(JSON.stringify({ ...claims, tid: f.tenants.b.id })).toString('base64url')}.${signature}`;
    const noneHeader = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT', kid: keys.currentId })).toString('base64url')}.${payload}.`;
    for (const [name, token] of Object.entries({ unsecured, noneHeader, foreignKey, expired, tampered })) {
      const res = await me(token);
      expect(res.statusCode, name).toBe(401);
      expect(res.json().error.code, name).toBe('AUTH_TOKEN_INVALID');
    }
    expect((await me(good)).statusCode).toBe(200);
  });

  it('a member removed from the tenant loses access at once, token or not', async () => {
    const session = (await loginAs(f.emails.viewer)).json();
    expect((await me(session.accessToken)).statusCode).toBe(200);
    await withTenant(handle.db, f.tenants.a.id, (tx) =>
      tx.query('delete from memberships where user_id = (select id from users where email = $1)', [
        f.emails.viewer,
      ]),
    );
    const res = await me(session.accessToken);
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('AUTH_TOKEN_INVALID');
    expect((await refreshWith(session.refreshToken)).statusCode).toBe(401);
  });

  it('API keys: created once by an admin, work with their scope, stop when revoked', async () => {
    const created = await f.app.inject({
      method: 'POST',
      url: '/api/v1/api-keys',
      headers: bearer(f.tokens.admin),
      payload: { name: 'dashboard', scopes: ['read'] },
    });
    expect(created.statusCode).toBe(201);
    const key = created.json();
    expect(key.key).toMatch(new RegExp(`^pulse_${key.prefix}_`));
    expect((await me(key.key)).json()).toMatchObject({ kind: 'api_key', user: null, role: 'viewer' });
    const list = await f.app.inject({
      method: 'GET',
      url: '/api/v1/api-keys',
      headers: bearer(f.tokens.admin),
    });
    expect(list.body).not.toContain(key.key);
    expect(list.json().items.find((k: { id: string }) => k.id === key.id)).toMatchObject({
      prefix: key.prefix,
      scopes: ['read'],
      revokedAt: null,
    });
    const revoke = await f.app.inject({
      method: 'DELETE',
      url: `/api/v1/api-keys/${key.id}`,
      headers: bearer(f.tokens.admin),
    });
    expect(revoke.statusCode).toBe(204);
    const after = await me(key.key);
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('AUTH_TOKEN_INVALID');
    // A key with the right prefix but a wrong secret is no key.
    const forged = f.keys.read.slice(0, -4) + 'AAAA';
    expect((await me(forged)).statusCode).toBe(401);
  });

  it('refresh tokens are stored hashed, never in clear', async () => {
    const session = (await loginAs(f.emails.member)).json();
    const rows = await withTenant(handle.db, f.tenants.a.id, (tx) =>
      tx.query<{ token_hash: string }>('select token_hash from refresh_tokens'),
    );
    expect(rows.rows.length).toBeGreaterThan(0);
    expect(rows.rows.some((r) => r.token_hash === session.refreshToken)).toBe(false);
    expect(rows.rows.every((r) => /^[0-9a-f]{64}$/.test(r.token_hash))).toBe(true);
  });
});
