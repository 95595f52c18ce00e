/**
 * The authorisation matrix over EVERY declared route: anonymous, viewer, member, admin and
 * operator of tenant A, the admin of tenant B, and API keys of each scope. Each caller gets exactly
 * what its role allows; a route without an entry here fails the first test, so new routes cannot
 * skip the matrix. Tenant B's callers never see or touch tenant A's rows.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { InjectOptions } from 'fastify';
import { createKeyring, generateSecretKey, parseSecretKey } from '@pulse/core';
import { randomUUID } from 'node:crypto';
import { withTenant } from '@pulse/db';
import { apiRoutes } from '@pulse/server';
import { describeEachDb } from '../../../../test/support/databases.ts';
import { addRepository, apiFixture, bearer, silentLog, type ApiFixture } from './fixture.ts';
import {
  addPerson,
  addViewer,
  callAsAdmin,
  deployment,
  gitConfig,
  samples,
  unique,
  type Ids,
} from './samples.ts';

type Level = 'public' | 'viewer' | 'member' | 'admin' | 'operator';
const rank: Record<Level, number> = { public: -1, viewer: 0, member: 1, admin: 2, operator: 3 };

describeEachDb('API authorisation matrix', (handle) => {
  let f: ApiFixture;
  const routes = apiRoutes({
    db: undefined as never,
    keyring: createKeyring(parseSecretKey(generateSecretKey())),
    log: silentLog,
  });
  beforeAll(async () => {
    f = await apiFixture(handle, 'matrix');
    // The same repository name in both tenants: pushes must land in the caller's.
    await addRepository(handle.db, 'push', [f.tenants.a.id, f.tenants.b.id]);
    const pushed = await f.app.inject({
      method: 'POST',
      url: '/api/v1/deployments',
      headers: bearer(f.keys.write),
      payload: deployment('matrix-0'),
    });
    expect(pushed.statusCode).toBe(200);
    deploymentId = await withTenant(handle.db, f.tenants.a.id, (tx) =>
      tx.query<{ id: number }>("select id from deployments where external_id = 'matrix-0'"),
    ).then((r) => r.rows[0]!.id);
  });
  beforeAll(async () => {
    jiraId = (
      await asAdmin('POST', '/integrations', {
        kind: 'jira',
        name: 'matrix-jira',
        config: {
          baseUrl: 'https://acme.atlassian.net',
          email: 'bot@acme.example',
          projects: { keys: ['PROJ'] },
        },
        secrets: { token: 'jira-token-0123456789' },
      })
    ).id;
  });
  afterAll(() => f?.close());

  const callers = () =>
    ({
      anonymous: { headers: {}, level: -2, tenant: null },
      viewer: { headers: bearer(f.tokens.viewer), level: 0, tenant: 'a' },
      member: { headers: bearer(f.tokens.member), level: 1, tenant: 'a' },
      admin: { headers: bearer(f.tokens.admin), level: 2, tenant: 'a' },
      operator: { headers: bearer(f.tokens.operator), level: 3, tenant: 'a' },
      'key:read': { headers: bearer(f.keys.read), level: 0, tenant: 'a' },
      'key:write': { headers: bearer(f.keys.write), level: 1, tenant: 'a' },
      'key:admin': { headers: bearer(f.keys.admin), level: 2, tenant: 'a' },
      'other tenant admin': { headers: bearer(f.tokens.other), level: 2, tenant: 'b' },
      'other tenant key': { headers: bearer(f.keys.otherAdmin), level: 2, tenant: 'b' },
    }) as const;

  /** A fresh key of tenant A for each destructive call. */
  const freshKey = async () => {
    const res = await f.app.inject({
      method: 'POST',
      url: '/api/v1/api-keys',
      headers: bearer(f.tokens.admin),
      payload: { name: 'victim', scopes: ['read'] },
    });
    return res.json<{ id: string }>().id;
  };

  const asAdmin = (method: 'POST' | 'GET', url: string, payload?: object) =>
    callAsAdmin(f, method, url, payload);
  /** What a call of `name` acts on, made fresh when the call changes it. */
  const person = (name: string) => addPerson(f, handle.db, name);
  async function idsFor(name: string): Promise<Ids> {
    const ids: Ids = {
      keyId: 'none',
      deploymentId,
      integrationId: 0,
      runId: 0,
      userId: 'none',
      teamId: 0,
      personId: 0,
      otherPersonId: 0,
      jiraId,
    };
    if (name.includes('/users/:id')) ids.userId = await addViewer(f, handle.db);
    // No invitation has this id: accepting answers INVITATION_INVALID to every caller.
    if (name.includes('/invitations/:id')) ids.userId = randomUUID();
    if (name.includes('/teams/:id'))
      ids.teamId = (await asAdmin('POST', '/teams', { name: `T ${unique()}` })).id;
    if (name.includes('/teams/:id/members') || name.includes('/people/:id')) {
      ids.personId = await person(`P ${unique()}`);
      ids.otherPersonId = await person(`Q ${unique()}`);
    }
    if (name === 'DELETE /teams/:id/members/:personId')
      await asAdmin('POST', `/teams/${ids.teamId}/members`, { personId: ids.personId });
    if (name === 'DELETE /api-keys/:id') ids.keyId = await freshKey();
    if (name.includes('/integrations/:id') || name.includes('/sync-runs/:id')) {
      const created = await asAdmin('POST', '/integrations', {
        kind: 'git',
        name: `m-${Math.random().toString(36).slice(2, 10)}`,
        config: gitConfig,
      });
      ids.integrationId = created.id;
    }
    if (name.includes('/sync-runs/:id')) {
      ids.runId = (await asAdmin('POST', `/integrations/${ids.integrationId}/sync`, {})).run.id;
      if (name.endsWith('/resume')) await asAdmin('POST', `/sync-runs/${ids.runId}/pause`);
    }
    return ids;
  }

  let deploymentId = 0;
  let jiraId = 0;
  it('has a sample for every declared route', () => {
    const declared = routes.map((r) => `${r.method} ${r.path}`).sort();
    expect(
      Object.keys(
        samples({ emails: {} } as unknown as ApiFixture, {
          keyId: 'x',
          deploymentId: 0,
          integrationId: 0,
          runId: 0,
          userId: 'x',
          teamId: 0,
          personId: 0,
          otherPersonId: 0,
          jiraId: 0,
        }),
      ).sort(),
    ).toEqual(declared);
  });

  it('each caller gets exactly what its role allows, on every route', async () => {
    for (const spec of routes) {
      const name = `${spec.method} ${spec.path}`;
      for (const [who, caller] of Object.entries(callers())) {
        const sample = samples(f, await idsFor(name))[name]!;
        const res = await f.app.inject({
          method: spec.method,
          url: `/api/v1${spec.path}`,
          ...sample,
          headers: caller.headers,
        } as InjectOptions);
        const status = res.statusCode;
        const label = `${name} as ${who}: ${res.body.slice(0, 200)}`;
        if (name === 'POST /invitations/redeem') {
          // An unknown code, whoever sends it.
          expect(status, label).toBe(404);
          expect(res.json().error.code, label).toBe('INVITATION_INVALID');
          continue;
        }
        if (spec.auth === 'public') {
          // Public auth routes answer on their own terms (401 for a wrong password), never 403.
          expect([200, 204, 401], label).toContain(status);
          continue;
        }
        if (caller.level === -2) {
          expect(status, label).toBe(401);
          expect(res.json().error.code, label).toBe('AUTH_REQUIRED');
        } else if (caller.level < rank[spec.auth as Level]) {
          expect(status, label).toBe(403);
          expect(res.json().error.code, label).toBe('AUTH_FORBIDDEN');
        } else if (caller.tenant === 'b' && spec.path.includes(':id')) {
          // Tenant A's resource named by tenant B: it does not exist there.
          expect(status, label).toBe(404);
        } else if (name === 'POST /invitations/:id/accept') {
          expect(status, label).toBe(404);
          expect(res.json().error.code, label).toBe('INVITATION_INVALID');
        } else if (name === 'PATCH /me/preferences' && who.includes('key')) {
          // Preferences belong to users; a key of any scope has none.
          expect(status, label).toBe(400);
          expect(res.json().error.code, label).toBe('PREFERENCES_NEED_USER');
        } else {
          expect(status, label).toBeLessThan(300);
        }
      }
    }
  });

  it("tenant B's admin cannot see or revoke tenant A's keys", async () => {
    const keyId = await freshKey();
    const listB = await f.app.inject({
      method: 'GET',
      url: '/api/v1/api-keys',
      headers: bearer(f.tokens.other),
    });
    expect(listB.statusCode).toBe(200);
    const ids: string[] = listB.json().items.map((k: { id: string }) => k.id);
    expect(ids).not.toContain(keyId);
    const revoke = await f.app.inject({
      method: 'DELETE',
      url: `/api/v1/api-keys/${keyId}`,
      headers: bearer(f.keys.otherAdmin),
    });
    expect(revoke.statusCode).toBe(404);
    const stored = await withTenant(handle.db, f.tenants.a.id, (tx) =>
      tx.query<{ revoked_at: Date | null }>('select revoked_at from api_keys where id = $1', [keyId]),
    );
    expect(stored.rows).toEqual([{ revoked_at: null }]);
  });

  it("metrics of tenant B's callers are tenant B's: A's deployments never show", async () => {
    const repo = await withTenant(handle.db, f.tenants.a.id, async (tx) => {
      const r = await tx.query<{ id: number }>(
        `insert into repositories (tenant_id, source, external_id, name, full_name)
         values ($1, 'github', 'R_m', 'm', 'acme/m') returning id`,
        [f.tenants.a.id],
      );
      await tx.query(
        `insert into deployments (tenant_id, repository_id, source, external_id, environment, is_production,
           commit_sha, status, finished_at)
         values ($1, $2, 'github', 'D_m', 'production', true, repeat('a', 40), 'success', '2026-02-02T10:00:00Z')`,
        [f.tenants.a.id, r.rows[0]!.id],
      );
      return r.rows[0]!.id;
    });
    expect(repo).toBeGreaterThan(0);
    // Rows written behind the API's back: refresh=true brings the facts up to date first.
    const query = { from: '2026-01-01', to: '2026-04-01', refresh: 'true' };
    const a = await f.app.inject({
      method: 'GET',
      url: '/api/v1/metrics/dora',
      query,
      headers: bearer(f.tokens.viewer),
    });
    const b = await f.app.inject({
      method: 'GET',
      url: '/api/v1/metrics/dora',
      query,
      headers: bearer(f.tokens.other),
    });
    expect(a.statusCode).toBe(200);
    expect(b.statusCode).toBe(200);
    expect(a.json().deploymentFrequency.deployments).toBe(1);
    expect(b.json().deploymentFrequency.deployments).toBe(0);
  });
});
