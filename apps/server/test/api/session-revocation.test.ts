/**
 * Revocation reaches access tokens at once, on every node: two apps on one database stand for two
 * API nodes. A session ended on one (logout, or a replayed refresh token) makes its access token
 * useless on the other on the very next request, not when the token's 15 minutes run out.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '@pulse/server';
import { describeEachDb } from '../../../../test/support/databases.ts';
import { apiFixture, bearer, password, silentLog, type ApiFixture } from './fixture.ts';

describeEachDb('Session revocation across nodes', (handle) => {
  let f: ApiFixture;
  let nodeB: FastifyInstance;
  beforeAll(async () => {
    f = await apiFixture(handle, 'revoke');
    nodeB = await buildApp({ db: handle.db, log: silentLog, keyring: f.keyring, webRoot: null });
  });
  afterAll(async () => {
    await nodeB?.close();
    await f?.close();
  });

  const nodeA = () => f.app;
  const loginOn = async (node: FastifyInstance, email: string, tenant?: string) => {
    const res = await node.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email, password, ...(tenant === undefined ? {} : { tenant }) },
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ accessToken: string; refreshToken: string }>();
  };
  const meOn = (node: FastifyInstance, token: string) =>
    node.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(token) });

  it('logout on node A kills the access token on node B at once', async () => {
    const session = await loginOn(nodeA(), f.emails.member);
    const other = await loginOn(nodeA(), f.emails.member);
    expect((await meOn(nodeB, session.accessToken)).statusCode).toBe(200);
    const out = await nodeA().inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      payload: { refreshToken: session.refreshToken },
    });
    expect(out.statusCode).toBe(204);
    for (const node of [nodeB, nodeA()]) {
      const res = await meOn(node, session.accessToken);
      expect(res.statusCode).toBe(401);
      expect(res.json().error).toMatchObject({
        code: 'AUTH_TOKEN_INVALID',
        message: expect.stringMatching(/session .* has ended/),
      });
    }
    // Another login of the same account is another session and keeps working.
    expect((await meOn(nodeB, other.accessToken)).statusCode).toBe(200);
  });

  it('a replayed refresh token on node B kills every access token of the session on node A', async () => {
    const first = await loginOn(nodeA(), f.emails.admin);
    const rotated = (
      await nodeA().inject({
        method: 'POST',
        url: '/api/v1/auth/refresh',
        payload: { refreshToken: first.refreshToken },
      })
    ).json<{ accessToken: string }>();
    expect((await meOn(nodeA(), rotated.accessToken)).statusCode).toBe(200);
    expect((await meOn(nodeA(), first.accessToken)).statusCode).toBe(200);
    const replay = await nodeB.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      payload: { refreshToken: first.refreshToken },
    });
    expect(replay.statusCode).toBe(401);
    expect((await meOn(nodeA(), rotated.accessToken)).statusCode).toBe(401);
    expect((await meOn(nodeA(), first.accessToken)).statusCode).toBe(401);
  });

  it("an operator's session in a tenant it is no member of ends the same way", async () => {
    const session = await loginOn(nodeA(), f.emails.operator, f.tenants.a.slug);
    expect((await meOn(nodeB, session.accessToken)).json()).toMatchObject({ operator: true });
    await nodeB.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      payload: { refreshToken: session.refreshToken },
    });
    expect((await meOn(nodeA(), session.accessToken)).statusCode).toBe(401);
  });
});
