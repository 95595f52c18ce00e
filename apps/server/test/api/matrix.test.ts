/**
 * The authorisation matrix over EVERY declared route: anonymous, viewer, member, admin and
 * operator of tenant A, the admin of tenant B, and API keys of each scope. Each caller gets exactly
 * what its role allows; a route without an entry here fails the first test, so new routes cannot
 * skip the matrix. Tenant B's callers never see or touch tenant A's rows.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { InjectOptions } from 'fastify';
import { createKeyring, generateSecretKey, parseSecretKey } from '@pulse/core';
import { withTenant } from '@pulse/db';
import { apiRoutes } from '@pulse/server';
import { describeEachDb } from '../../../../test/support/databases.ts';
import { addRepository, apiFixture, bearer, silentLog, type ApiFixture } from './fixture.ts';

type Level = 'public' | 'viewer' | 'member' | 'admin' | 'operator';
const rank: Record<Level, number> = { public: -1, viewer: 0, member: 1, admin: 2, operator: 3 };

/** One valid request per route (`METHOD path`), built when the fixture exists. */
interface Ids {
  keyId: string;
  deploymentId: number;
  integrationId: number;
  runId: number;
  userId: string;
  teamId: number;
  personId: number;
  otherPersonId: number;
  jiraId: number;
}

const unique = () => Math.random().toString(36).slice(2, 10);

function samples(f: ApiFixture, ids: Ids): Record<string, Omit<InjectOptions, 'headers'>> {
  return {
    // An unknown account: a wrong password of a real one would lock it during the matrix.
    'POST /auth/login': { payload: { email: 'nobody-matrix@a.example', password: 'wrong' } },
    'POST /auth/refresh': { payload: { refreshToken: 'pulse_rt_unknown' } },
    'POST /auth/logout': { payload: { refreshToken: 'pulse_rt_unknown' } },
    'GET /me': {},
    'GET /api-keys': {},
    'POST /api-keys': { payload: { name: 'matrix', scopes: ['read'] } },
    'DELETE /api-keys/:id': { url: `/api/v1/api-keys/${ids.keyId}` },
    'GET /metrics/dora': { query: { from: '2026-01-01', to: '2026-04-01' } },
    'GET /metrics/prs': { query: { from: '2026-01-01', to: '2026-04-01' } },
    'GET /repositories': {},
    'GET /pull-requests': { query: { state: 'merged', limit: '5' } },
    'GET /deployments': {},
    'GET /deployments/:id': { url: `/api/v1/deployments/${ids.deploymentId}` },
    'GET /incidents': {},
    'GET /work-items': {},
    'GET /integrations': {},
    'POST /integrations': {
      payload: { kind: 'git', name: `matrix-${Math.random().toString(36).slice(2, 10)}`, config: gitConfig },
    },
    'DELETE /integrations/:id': { url: `/api/v1/integrations/${ids.integrationId}` },
    'POST /integrations/:id/test': { url: `/api/v1/integrations/${ids.integrationId}/test` },
    'POST /integrations/:id/sync': { url: `/api/v1/integrations/${ids.integrationId}/sync`, payload: {} },
    'GET /sync-runs': {},
    'GET /sync-runs/:id': { url: `/api/v1/sync-runs/${ids.runId}` },
    'POST /sync-runs/:id/pause': { url: `/api/v1/sync-runs/${ids.runId}/pause` },
    'POST /sync-runs/:id/resume': { url: `/api/v1/sync-runs/${ids.runId}/resume` },
    'POST /sync-runs/:id/cancel': { url: `/api/v1/sync-runs/${ids.runId}/cancel` },
    'POST /deployments': { payload: deployment('matrix-1') },
    'POST /deployments/batch': { payload: { items: [deployment('matrix-2'), deployment('matrix-3')] } },
    'POST /incidents': { payload: incident('matrix-1') },
    'POST /incidents/batch': { payload: { items: [incident('matrix-2')] } },
    'PATCH /integrations/:id': {
      url: `/api/v1/integrations/${ids.integrationId}`,
      payload: { syncIntervalMinutes: 30 },
    },
    'GET /integrations/:id/mappings': { url: `/api/v1/integrations/${ids.jiraId}/mappings` },
    'PATCH /integrations/:id/mappings': {
      url: `/api/v1/integrations/${ids.jiraId}/mappings`,
      payload: { statuses: [{ source: 'In Review', category: 'waiting' }] },
    },
    'GET /tenant': {},
    'PATCH /tenant': { payload: { branding: { primaryColor: '#1f6feb' } } },
    'GET /tenants': {},
    'POST /tenants': { payload: { slug: `matrix-${unique()}` } },
    'GET /users': {},
    'POST /users': { payload: { email: `matrix-${unique()}@a.example`, role: 'viewer' } },
    'PATCH /users/:id': { url: `/api/v1/users/${ids.userId}`, payload: { role: 'member' } },
    'DELETE /users/:id': { url: `/api/v1/users/${ids.userId}` },
    'PATCH /me/preferences': { payload: { theme: 'dark' } },
    'GET /teams': {},
    'POST /teams': { payload: { name: `Matrix ${unique()}` } },
    'PATCH /teams/:id': { url: `/api/v1/teams/${ids.teamId}`, payload: { name: `Renamed ${unique()}` } },
    'DELETE /teams/:id': { url: `/api/v1/teams/${ids.teamId}` },
    'GET /teams/:id/members': { url: `/api/v1/teams/${ids.teamId}/members` },
    'POST /teams/:id/members': {
      url: `/api/v1/teams/${ids.teamId}/members`,
      payload: { personId: ids.personId },
    },
    'DELETE /teams/:id/members/:personId': { url: `/api/v1/teams/${ids.teamId}/members/${ids.personId}` },
    'PUT /teams/:id/repositories': {
      url: `/api/v1/teams/${ids.teamId}/repositories`,
      payload: { repositories: ['acme/push'] },
    },
    'GET /people': {},
    'POST /people/:id/merge': {
      url: `/api/v1/people/${ids.personId}/merge`,
      payload: { from: ids.otherPersonId },
    },
  };
}

const gitConfig = { repositories: [{ path: '.', name: 'acme/matrix' }] };
const deployment = (externalId: string) => ({
  externalId,
  repository: { fullName: 'acme/push' },
  environment: 'production',
  commitSha: 'c'.repeat(40),
  status: 'success',
  finishedAt: '2026-02-01T10:00:00Z',
});
const incident = (externalId: string) => ({
  externalId,
  title: 'Checkout down',
  status: 'resolved',
  startedAt: '2026-02-01T11:00:00Z',
  resolvedAt: '2026-02-01T12:00:00Z',
});

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

  const asAdmin = async (method: 'POST' | 'GET', url: string, payload: object = {}) => {
    const res = await f.app.inject({
      method,
      url: `/api/v1${url}`,
      headers: bearer(f.tokens.admin),
      payload,
    });
    if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.body}`);
    return res.json();
  };
  /** What a call of `name` acts on, made fresh when the call changes it. */
  const person = (name: string) =>
    withTenant(handle.db, f.tenants.a.id, (tx) =>
      tx.query<{ id: number }>('insert into people (tenant_id, display_name) values ($1, $2) returning id', [
        f.tenants.a.id,
        name,
      ]),
    ).then((r) => r.rows[0]!.id);
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
    if (name.includes('/users/:id'))
      ids.userId = (await asAdmin('POST', '/users', { email: `m-${unique()}@a.example`, role: 'viewer' })).id;
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
