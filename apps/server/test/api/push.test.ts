/** The push API: idempotent by the caller's id, unknown references reported, tenants kept apart. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { NormalisedRecord } from '@pulse/core';
import { withTenant } from '@pulse/db';
import { refreshFacts } from '@pulse/metrics';
import { writeRecords } from '@pulse/sync';
import { describeEachDb } from '../../../../test/support/databases.ts';
import { addRepository, apiFixture, bearer, type ApiFixture } from './fixture.ts';

const deployment = (externalId: string, extra: Record<string, unknown> = {}) => ({
  externalId,
  repository: { fullName: 'acme/shop' },
  environment: 'production',
  isProduction: true,
  commitSha: 'a'.repeat(40),
  status: 'success',
  finishedAt: '2026-03-01T10:00:00Z',
  ...extra,
});

describeEachDb('API push', (handle) => {
  let f: ApiFixture;
  beforeAll(async () => {
    f = await apiFixture(handle, 'push');
    await addRepository(handle.db, 'shop', [f.tenants.a.id, f.tenants.b.id]);
  });
  afterAll(() => f?.close());

  const push = (url: string, payload: object, token = f.keys.write) =>
    f.app.inject({ method: 'POST', url: `/api/v1${url}`, payload, headers: bearer(token) });
  const deployments = (tenantId: string) =>
    withTenant(handle.db, tenantId, (tx) =>
      tx.query<{ source: string; external_id: string; status: string }>(
        'select source, external_id, status from deployments order by external_id',
      ),
    ).then((r) => r.rows);

  it('stores a deployment once, however often it is sent; a change updates it', async () => {
    const first = await push('/deployments', deployment('ci-101'));
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ written: 1, unchanged: 0 });
    expect((await push('/deployments', deployment('ci-101'))).json()).toEqual({ written: 0, unchanged: 1 });
    expect((await push('/deployments', deployment('ci-101', { status: 'failure' }))).json()).toEqual({
      written: 1,
      unchanged: 0,
    });
    expect(await deployments(f.tenants.a.id)).toEqual([
      { source: 'api', external_id: 'ci-101', status: 'failure' },
    ]);
  });

  it('a batch writes what resolves and reports the rest by index; duplicates collapse', async () => {
    const res = await push('/deployments/batch', {
      items: [
        deployment('ci-201'),
        deployment('ci-202', { repository: { fullName: 'acme/unknown' } }),
        deployment('ci-201'),
        deployment('ci-203', { source: 'jenkins' }),
      ],
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.written).toBe(2);
    expect(body.unresolved).toEqual([
      { index: 1, path: 'repository', reference: expect.stringContaining('acme/unknown') },
    ]);
    const stored = (await deployments(f.tenants.a.id)).map((d) => `${d.source}/${d.external_id}`);
    expect(stored).toEqual(expect.arrayContaining(['api/ci-201', 'jenkins/ci-203']));
    expect(stored).not.toContain('api/ci-202');
  });

  it('one deployment of an unknown repository is a 422 and stores nothing', async () => {
    const res = await push('/deployments', deployment('ci-301', { repository: { fullName: 'acme/nope' } }));
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('RECORD_REFERENCE_UNKNOWN');
    expect((await deployments(f.tenants.a.id)).map((d) => d.external_id)).not.toContain('ci-301');
  });

  it('bad bodies are 400s naming the field', async () => {
    const cases: [object, string][] = [
      [deployment('ci-401', { status: 'done' }), 'body.status'],
      [deployment('ci-402', { commitSha: 'xyz' }), 'body.commitSha'],
      [deployment('ci-403', { colour: 'red' }), 'body'],
      [{ items: [] }, 'body.items'],
    ];
    for (const [payload, path] of cases) {
      const url = 'items' in payload ? '/deployments/batch' : '/deployments';
      const res = await push(url, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error.path, JSON.stringify(payload)).toBe(path);
    }
  });

  it('incidents: stored, idempotent, and the other tenant’s push of the same id stays its own', async () => {
    const incident = {
      externalId: 'pd-1',
      title: 'Checkout errors',
      status: 'resolved',
      repository: { fullName: 'acme/shop' },
      startedAt: '2026-03-01T11:00:00Z',
      resolvedAt: '2026-03-01T12:30:00Z',
    };
    expect((await push('/incidents', incident)).json()).toEqual({ written: 1, unchanged: 0 });
    expect((await push('/incidents', incident)).json()).toEqual({ written: 0, unchanged: 1 });
    expect((await push('/incidents', { ...incident, title: 'B' }, f.keys.otherAdmin)).json()).toEqual({
      written: 1,
      unchanged: 0,
    });
    const titles = async (tenantId: string) =>
      withTenant(handle.db, tenantId, (tx) =>
        tx.query<{ title: string }>('select title from incidents'),
      ).then((r) => r.rows.map((row) => row.title));
    expect(await titles(f.tenants.a.id)).toEqual(['Checkout errors']);
    expect(await titles(f.tenants.b.id)).toEqual(['B']);
    const backwards = await push('/incidents', {
      ...incident,
      externalId: 'pd-2',
      resolvedAt: '2026-02-01T00:00:00Z',
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.path).toBe('body.resolvedAt');
  });

  it('pushed deployments reach the metrics without refresh: the facts refresh in the background', async () => {
    const dora = async () =>
      (
        await f.app.inject({
          method: 'GET',
          url: '/api/v1/metrics/dora',
          query: { from: '2026-04-01', to: '2026-05-01' },
          headers: bearer(f.tokens.viewer),
        })
      ).json().deploymentFrequency.deployments as number;
    expect(await dora()).toBe(0);
    const items = [1, 2, 3].map((n) =>
      deployment(`april-${n}`, { finishedAt: `2026-04-0${n}T10:00:00Z`, commitSha: String(n).repeat(40) }),
    );
    expect((await push('/deployments/batch', { items })).json().written).toBe(3);
    // Wait for the background refresh (bounded), then the plain read sees the pushes.
    let seen = 0;
    for (let i = 0; i < 100 && seen < 3; i++) {
      seen = await dora();
      if (seen < 3) await new Promise((r) => setTimeout(r, 100));
    }
    expect(seen).toBe(3);
  });

  it('caches reports per tenant until its facts are refreshed', async () => {
    const query = { from: '2026-06-01', to: '2026-07-01' };
    const dora = async (extra: Record<string, string> = {}) =>
      (
        await f.app.inject({
          method: 'GET',
          url: '/api/v1/metrics/dora',
          query: { ...query, ...extra },
          headers: bearer(f.tokens.viewer),
        })
      ).json().deploymentFrequency.deployments as number;
    expect(await dora()).toBe(0);
    // Written and refreshed behind the server's back: the cached report stays as it was…
    await withTenant(handle.db, f.tenants.a.id, (tx) =>
      writeRecords(tx, { tenantId: f.tenants.a.id, integrationId: null }, [
        {
          ...deployment('june-1', { finishedAt: '2026-06-02T10:00:00Z' }),
          type: 'deployment',
          source: 'api',
        },
      ] as NormalisedRecord[]),
    );
    await refreshFacts(handle.db, f.tenants.a.id);
    expect(await dora()).toBe(0);
    // …until a refresh through the server drops the tenant's cached reports.
    expect(await dora({ refresh: 'true' })).toBe(1);
    expect(await dora()).toBe(1);
  });

  it('a read-only key cannot push', async () => {
    const res = await push('/deployments', deployment('ci-501'), f.keys.read);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('AUTH_FORBIDDEN');
  });
});
