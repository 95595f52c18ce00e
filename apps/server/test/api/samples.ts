/**
 * One valid request per declared route (`METHOD path`), shared by the authorisation matrix and
 * the input sweeps: built from the ids of rows the calling test made.
 */
import type { InjectOptions } from 'fastify';
import { createUser, withTenant } from '@pulse/db';
import { bearer, type ApiFixture } from './fixture.ts';

export interface Ids {
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

export const unique = () => Math.random().toString(36).slice(2, 10);

/** Calls the API as tenant A's admin and returns the JSON answer; a non-2xx answer throws. */
export async function callAsAdmin(f: ApiFixture, method: 'POST' | 'GET', url: string, payload: object = {}) {
  const res = await f.app.inject({ method, url: `/api/v1${url}`, headers: bearer(f.tokens.admin), payload });
  if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.body}`);
  return res.json();
}

/** A new person of tenant A, for the team and people routes. */
export async function addPerson(f: ApiFixture, db: Parameters<typeof withTenant>[0], name: string) {
  const result = await withTenant(db, f.tenants.a.id, (tx) =>
    tx.query<{ id: number }>('insert into people (tenant_id, display_name) values ($1, $2) returning id', [
      f.tenants.a.id,
      name,
    ]),
  );
  return result.rows[0]!.id;
}

/** A new viewer of tenant A (POST /users only invites, so it is made directly). */
export async function addViewer(f: ApiFixture, db: Parameters<typeof createUser>[0]): Promise<string> {
  const user = await createUser(
    db,
    { tenant: f.tenants.a.slug, email: `m-${unique()}@a.example`, role: 'viewer', passwordHash: null },
    'test',
  );
  return user.id;
}

export function samples(f: ApiFixture, ids: Ids): Record<string, Omit<InjectOptions, 'headers'>> {
  return {
    // An unknown account: a wrong password of a real one would lock it during the matrix.
    // A new unknown account each time: repeated failures of one e-mail would be throttled (429).
    'POST /auth/login': { payload: { email: `nobody-${unique()}@a.example`, password: 'wrong' } },
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
    'GET /invitations': {},
    'POST /invitations/:id/accept': { url: `/api/v1/invitations/${ids.userId}/accept` },
    'POST /invitations/redeem': {
      payload: { code: 'pulse_inv_unknown', password: 'a long enough password' },
    },
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

export const gitConfig = { repositories: [{ path: '.', name: 'acme/matrix' }] };
export const deployment = (externalId: string) => ({
  externalId,
  repository: { fullName: 'acme/push' },
  environment: 'production',
  commitSha: 'c'.repeat(40),
  status: 'success',
  finishedAt: '2026-02-01T10:00:00Z',
});
export const incident = (externalId: string) => ({
  externalId,
  title: 'Checkout down',
  status: 'resolved',
  startedAt: '2026-02-01T11:00:00Z',
  resolvedAt: '2026-02-01T12:00:00Z',
});
