/**
 * The data listings: keyset pages cover every row exactly once in order, filters, cursor
 * checks, a deployment's shipped commits, and tenant separation.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { NormalisedRecord } from '@pulse/core';
import { withTenant } from '@pulse/db';
import { refreshFacts } from '@pulse/metrics';
import { writeRecords } from '@pulse/sync';
import { describeEachDb } from '../../../../test/support/databases.ts';
import { apiFixture, bearer, type ApiFixture } from './fixture.ts';

const sha = (n: number) => n.toString(16).padStart(40, '0');
const repo = (name: string): NormalisedRecord => ({
  type: 'repository',
  source: 'github',
  externalId: `R_${name}`,
  name,
  fullName: `acme/${name}`,
});
const pr = (n: number, name: string, state: 'open' | 'merged' | 'closed'): NormalisedRecord => ({
  type: 'pull_request',
  source: 'github',
  externalId: `PR_${name}_${n}`,
  repository: { fullName: `acme/${name}` },
  number: n,
  title: `Change ${n}`,
  state,
  author: { source: 'github', externalId: n % 2 ? 'U_ada' : 'U_bob', login: n % 2 ? 'ada' : 'bob' },
  // Two pull requests share each creation time: the id breaks the tie.
  createdAt: `2026-02-${String(10 + Math.floor(n / 2)).padStart(2, '0')}T09:00:00Z`,
  updatedAt: '2026-03-01T00:00:00Z',
  ...(state === 'merged' ? { mergedAt: '2026-03-01T00:00:00Z' } : {}),
});
const commit = (n: number, parents: number[]): NormalisedRecord => ({
  type: 'commit',
  repository: { fullName: 'acme/shop' },
  sha: sha(n),
  parents: parents.map(sha),
  authoredAt: `2026-02-0${n}T08:00:00Z`,
  committedAt: `2026-02-0${n}T08:00:00Z`,
  message: `commit ${n}`,
});
const deploy = (n: number, head: number): NormalisedRecord => ({
  type: 'deployment',
  source: 'api',
  externalId: `D${n}`,
  repository: { fullName: 'acme/shop' },
  environment: 'production',
  isProduction: true,
  commitSha: sha(head),
  status: 'success',
  finishedAt: `2026-02-0${head}T12:00:00Z`,
});

describeEachDb('API data listings', (handle) => {
  let f: ApiFixture;
  beforeAll(async () => {
    f = await apiFixture(handle, 'data');
    const records: NormalisedRecord[] = [
      repo('shop'),
      repo('api'),
      ...Array.from({ length: 9 }, (_, i) =>
        pr(i + 1, i < 6 ? 'shop' : 'api', i % 3 === 0 ? 'open' : 'merged'),
      ),
      commit(1, []),
      commit(2, [1]),
      commit(3, [2]),
      commit(4, [3]),
      deploy(1, 2),
      deploy(2, 4),
    ];
    await withTenant(handle.db, f.tenants.a.id, (tx) =>
      writeRecords(tx, { tenantId: f.tenants.a.id, integrationId: null }, records),
    );
    await refreshFacts(handle.db, f.tenants.a.id);
    await withTenant(handle.db, f.tenants.b.id, (tx) =>
      writeRecords(tx, { tenantId: f.tenants.b.id, integrationId: null }, [repo('other')]),
    );
  });
  afterAll(() => f?.close());

  const get = (url: string, query: Record<string, string> = {}, token = f.tokens.viewer) =>
    f.app.inject({ method: 'GET', url: `/api/v1${url}`, query, headers: bearer(token) });

  async function all(url: string, query: Record<string, string>) {
    const items: { id: number; createdAt: string }[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await get(url, { ...query, ...(cursor === null ? {} : { cursor }) });
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      items.push(...body.items);
      cursor = body.nextCursor;
      pages++;
    } while (cursor !== null && pages < 20);
    return { items, pages };
  }

  it('pages through every pull request exactly once, newest first, ties broken by id', async () => {
    const { items, pages } = await all('/pull-requests', { limit: '2' });
    expect(pages).toBe(5);
    expect(items).toHaveLength(9);
    expect(new Set(items.map((i) => i.id)).size).toBe(9);
    const keys = items.map((i) => [i.createdAt, i.id] as const);
    const sorted = [...keys].sort((a, b) => (a[0] === b[0] ? b[1] - a[1] : a[0] < b[0] ? 1 : -1));
    expect(keys).toEqual(sorted);
    const ascending = await all('/pull-requests', { limit: '4', order: 'asc' });
    expect(ascending.items.map((i) => i.id)).toEqual(items.map((i) => i.id).reverse());
  });

  it('filters by repository, state, author and time', async () => {
    const shopOpen = (await get('/pull-requests', { repository: 'acme/shop', state: 'open' })).json();
    expect(shopOpen.items.map((p: { number: number }) => p.number).sort()).toEqual([1, 4]);
    const ada = (await get('/pull-requests', { author: 'ada' })).json();
    expect(ada.items.every((p: { author: { login: string } }) => p.author.login === 'ada')).toBe(true);
    expect(ada.items).toHaveLength(5);
    const early = (await get('/pull-requests', { to: '2026-02-12' })).json();
    expect(early.items.map((p: { number: number }) => p.number).sort()).toEqual([1, 2, 3]);
    const repos = (await get('/repositories', { q: 'SHO' })).json();
    expect(repos.items.map((r: { fullName: string }) => r.fullName)).toEqual(['acme/shop']);
  });

  it('rejects a forged cursor, a cursor of another sort and a bad filter', async () => {
    const first = (await get('/pull-requests', { limit: '2' })).json();
    const other = await get('/pull-requests', { limit: '2', sort: 'updatedAt', cursor: first.nextCursor });
    expect(other.statusCode).toBe(400);
    expect(other.json().error.path).toBe('query.cursor');
    const forged = await get('/pull-requests', { cursor: 'bm9wZQ' });
    expect(forged.json().error).toMatchObject({ code: 'VALIDATION_FAILED', path: 'query.cursor' });
    const state = await get('/pull-requests', { state: 'draft' });
    expect(state.json().error.path).toBe('query.state');
    const limit = await get('/pull-requests', { limit: '1000' });
    expect(limit.json().error.path).toBe('query.limit');
  });

  it('a deployment lists the commits it shipped and how many', async () => {
    const list = (await get('/deployments')).json();
    expect(list.items.map((d: { externalId: string }) => d.externalId)).toEqual(['D2', 'D1']);
    const second = list.items[0];
    const detail = await get(`/deployments/${second.id}`);
    expect(detail.statusCode).toBe(200);
    const body = detail.json();
    // D2 shipped commits 3 and 4: what D1 (at commit 2) had not.
    expect(body.commits.map((c: { sha: string }) => c.sha)).toEqual([sha(4), sha(3)]);
    expect(body.changeCount).toBe(2);
    expect(body).toMatchObject({ failed: false, failureReasons: [], commitsTruncated: false });
  });

  it("tenant B sees only its own rows; A's deployment is a 404 there", async () => {
    const repos = (await get('/repositories', {}, f.tokens.other)).json();
    expect(repos.items.map((r: { fullName: string }) => r.fullName)).toEqual(['acme/other']);
    expect((await get('/pull-requests', {}, f.tokens.other)).json().items).toEqual([]);
    const a = (await get('/deployments')).json().items[0];
    const res = await get(`/deployments/${a.id}`, {}, f.keys.otherAdmin);
    expect(res.statusCode).toBe(404);
    expect((await get('/deployments/not-a-number')).statusCode).toBe(404);
  });
});
