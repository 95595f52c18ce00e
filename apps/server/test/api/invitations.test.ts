/**
 * Adding an e-mail to a tenant is an invitation: the admin learns nothing about an existing
 * account (same answer as for an unknown e-mail, no id), nothing is attached until the account
 * accepts, and until then its tenant-less login keeps working.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../../../../test/support/databases.ts';
import { apiFixture, bearer, password, type ApiFixture } from './fixture.ts';

describeEachDb('Invitations', (handle) => {
  let f: ApiFixture;
  beforeAll(async () => {
    f = await apiFixture(handle, 'invite');
  });
  afterAll(() => f?.close());

  const call = (method: 'GET' | 'POST', url: string, token: string, payload?: object) =>
    f.app.inject({ method, url: `/api/v1${url}`, headers: bearer(token), ...(payload ? { payload } : {}) });
  const login = (email: string, tenant?: string) =>
    f.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email, password, ...(tenant === undefined ? {} : { tenant }) },
    });
  /** The answer with the values that must differ between any two invitations blanked out. */
  const shape = (body: { invitation: Record<string, unknown>; code: string }) => ({
    ...body,
    code: typeof body.code,
    invitation: {
      ...body.invitation,
      id: typeof body.invitation.id,
      email: '…',
      createdAt: '…',
      expiresAt: '…',
    },
  });

  it("inviting another tenant's account answers like an unknown e-mail and attaches nothing", async () => {
    const existing = await call('POST', '/users', f.tokens.admin, { email: f.emails.other, role: 'admin' });
    const unknown = await call('POST', '/users', f.tokens.admin, {
      email: 'nobody-inv@b.example',
      role: 'admin',
    });
    expect(existing.statusCode).toBe(202);
    expect(unknown.statusCode).toBe(202);
    expect(Object.keys(existing.headers).sort()).toEqual(Object.keys(unknown.headers).sort());
    expect(shape(existing.json())).toEqual(shape(unknown.json()));
    const otherId = (await call('GET', '/me', f.tokens.other)).json().user.id as string;
    expect(existing.body).not.toContain(otherId);
    // Not a member of A, and B's admin still logs in without naming a tenant.
    const members = (await call('GET', '/users', f.tokens.admin)).json().items as { email: string }[];
    expect(members.map((u) => u.email)).not.toContain(f.emails.other);
    const tenantless = await login(f.emails.other);
    expect(tenantless.statusCode, tenantless.body).toBe(200);
    expect(tenantless.json().tenant).toEqual(f.tenants.b);
    // The code cannot take over the existing account.
    const takeover = await f.app.inject({
      method: 'POST',
      url: '/api/v1/invitations/redeem',
      payload: { code: existing.json().code, password: 'the admin of a chose this' },
    });
    expect(takeover.statusCode).toBe(404);
    expect(takeover.json().error.code).toBe('INVITATION_INVALID');
    expect((await login(f.emails.other)).statusCode).toBe(200);
  });

  it('the invitee sees the invitation after login and accepts it; nobody else can', async () => {
    const { invitation } = (
      await call('POST', '/users', f.tokens.admin, { email: f.emails.other, role: 'member' })
    ).json();
    const token = (await login(f.emails.other)).json().accessToken as string;
    const pending = (await call('GET', '/invitations', token)).json().items;
    expect(pending).toEqual([
      expect.objectContaining({
        id: invitation.id,
        role: 'member',
        tenant: expect.objectContaining(f.tenants.a),
      }),
    ]);
    // Another account (A's viewer) cannot accept it, nor see it.
    expect((await call('GET', '/invitations', f.tokens.viewer)).json().items).toEqual([]);
    const stolen = await call('POST', `/invitations/${invitation.id}/accept`, f.tokens.viewer);
    expect(stolen.json().error.code).toBe('INVITATION_INVALID');
    const accepted = await call('POST', `/invitations/${invitation.id}/accept`, token);
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ tenant: f.tenants.a, role: 'member' });
    expect((await call('GET', '/invitations', token)).json().items).toEqual([]);
    expect((await call('POST', `/invitations/${invitation.id}/accept`, token)).statusCode).toBe(404);
    // Now a member of both: logging in names the tenant.
    const inA = await login(f.emails.other, f.tenants.a.slug);
    expect(inA.statusCode).toBe(200);
    expect((await call('GET', '/me', inA.json().accessToken)).json()).toMatchObject({ role: 'member' });
    expect((await login(f.emails.other)).json().error.code).toBe('LOGIN_TENANT_AMBIGUOUS');
  });
});
