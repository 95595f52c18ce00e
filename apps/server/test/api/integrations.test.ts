/**
 * Integrations and sync runs through the API: credentials go in and never come out, the
 * connector's own check runs against a real git repository, runs are queued on the real queue and
 * obey pause / resume / cancel, and another tenant sees none of it.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createEgressPolicy } from '@pulse/connectors';
import { knownConnectors } from '@pulse/server';
import { withTenant } from '@pulse/db';
import { executeRun, httpFactory } from '@pulse/sync';
import { describeEachDb } from '../../../../test/support/databases.ts';
import { apiFixture, bearer, type ApiFixture } from './fixture.ts';

describeEachDb('API integrations and sync runs', (handle) => {
  let f: ApiFixture;
  let dir: string;
  beforeAll(async () => {
    f = await apiFixture(handle, 'integrations');
    dir = mkdtempSync(join(f.gitFolder, 'repo-'));
    const git = (...args: string[]) => execFileSync('git', ['-C', dir, ...args], { stdio: 'pipe' });
    git('init', '-q', '-b', 'main');
    writeFileSync(join(dir, 'README'), 'hello\n');
    git('add', 'README');
    git('-c', 'user.name=Ada', '-c', 'user.email=ada@example.com', 'commit', '-q', '-m', 'first');
  });
  afterAll(async () => {
    await f?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const call = (method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object, token = f.tokens.admin) =>
    f.app.inject({ method, url: `/api/v1${url}`, headers: bearer(token), ...(payload ? { payload } : {}) });

  it('adds integrations; the token is stored sealed and never returned', async () => {
    const token = 'ghp_matrixSecretToken1234567890abcdefABCD';
    const github = await call('POST', '/integrations', {
      kind: 'github',
      name: 'github-acme',
      config: { repositories: { org: 'acme' } },
      secrets: { token },
      syncIntervalMinutes: 30,
    });
    expect(github.statusCode, github.body).toBe(201);
    expect(github.json()).toMatchObject({
      kind: 'github',
      name: 'github-acme',
      hasSecrets: true,
      syncIntervalSeconds: 1800,
    });
    expect(github.body).not.toContain(token);
    const list = await call('GET', '/integrations', undefined, f.tokens.viewer);
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(token);
    const sealed = await withTenant(handle.db, f.tenants.a.id, (tx) =>
      tx.query<{ secrets_sealed: string }>(
        "select secrets_sealed from integrations where name = 'github-acme'",
      ),
    );
    expect(sealed.rows[0]!.secrets_sealed).not.toContain(token);
  });

  it('rejects an unknown kind, bad settings and a taken name with their codes', async () => {
    const kind = await call('POST', '/integrations', { kind: 'svn', name: 'x', config: {} });
    expect(kind.json().error.code).toBe('INTEGRATION_KIND_UNKNOWN');
    const config = await call('POST', '/integrations', {
      kind: 'git',
      name: 'bad',
      config: { repositories: 'nope' },
    });
    expect(config.statusCode).toBe(400);
    expect(config.json().error.code).toBe('INTEGRATION_CONFIG_INVALID');
    const body = { kind: 'git', name: 'twice', config: { repositories: [{ path: dir }] } };
    expect((await call('POST', '/integrations', body)).statusCode).toBe(201);
    const again = await call('POST', '/integrations', body);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('INTEGRATION_NAME_TAKEN');
  });

  it('tests the connection with the connector: a real repository passes, a plain folder fails with a hint', async () => {
    const good = (
      await call('POST', '/integrations', {
        kind: 'git',
        name: 'local',
        config: { repositories: [{ path: dir, name: 'acme/local' }] },
      })
    ).json();
    const ok = await call('POST', `/integrations/${good.id}/test`);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().ok).toBe(true);
    const bad = (
      await call('POST', '/integrations', {
        kind: 'git',
        name: 'gone',
        config: { repositories: [{ path: mkdtempSync(join(f.gitFolder, 'plain-')) }] },
      })
    ).json();
    const failed = (await call('POST', `/integrations/${bad.id}/test`)).json();
    expect(failed).toMatchObject({ ok: false, code: 'GIT_REPOSITORY_NOT_FOUND', hint: expect.any(String) });
  });

  it("refuses git paths outside the tenant's folder on add, change and test, saying only 'not allowed'", async () => {
    // Tenant B's repository, under the same root; the install's own folder; a host file.
    const theirs = mkdtempSync(join(f.gitRoot, f.tenants.b.slug, 'repo-'));
    execFileSync('git', ['init', '-q', theirs]);
    const answers = [];
    for (const path of [
      theirs,
      process.cwd(),
      '/etc/shadow',
      '/nonexistent',
      `${dir}/../${dir.split('/').at(-1)}`,
    ]) {
      const added = await call('POST', '/integrations', {
        kind: 'git',
        name: 'escape',
        config: { repositories: [{ path }] },
      });
      expect(added.statusCode, path).toBe(403);
      answers.push(JSON.stringify(added.json().error).replaceAll(JSON.stringify(path).slice(1, -1), 'P'));
    }
    expect(new Set(answers).size).toBe(1);
    expect(JSON.parse(answers[0]!)).toMatchObject({
      code: 'GIT_PATH_NOT_ALLOWED',
      hint: expect.stringContaining('PULSE_GIT_ROOTS'),
    });
    const names = (await call('GET', '/integrations')).json().items.map((i: { name: string }) => i.name);
    expect(names).not.toContain('escape');

    // A relative path resolves against the tenant's folder; changing it to an outside one is refused.
    const relative = dir.split('/').at(-1)!;
    const added = await call('POST', '/integrations', {
      kind: 'git',
      name: 'relative',
      config: { repositories: [{ path: relative, name: 'acme/relative' }] },
    });
    expect(added.statusCode, added.body).toBe(201);
    const id = added.json().id;
    expect((await call('POST', `/integrations/${id}/test`)).json()).toMatchObject({ ok: true });
    const changed = await f.app.inject({
      method: 'PATCH',
      url: `/api/v1/integrations/${id}`,
      headers: bearer(f.tokens.admin),
      payload: { config: { repositories: [{ path: theirs }] } },
    });
    expect(changed.statusCode).toBe(403);
    expect(changed.json().error.code).toBe('GIT_PATH_NOT_ALLOWED');
    const stored = (await call('GET', '/integrations')).json().items.find((i: { id: number }) => i.id === id);
    expect(stored.config.repositories).toEqual([{ path: relative, name: 'acme/relative' }]);

    // The folder swapped for a symlink to the outside after it was accepted: the test refuses it.
    const swapped = mkdtempSync(join(f.gitFolder, 'swap-'));
    const outside = mkdtempSync(join(tmpdir(), 'pulse-api-outside-'));
    try {
      execFileSync('git', ['init', '-q', swapped]);
      const later = (
        await call('POST', '/integrations', {
          kind: 'git',
          name: 'swapped',
          config: { repositories: [{ path: swapped, name: 'acme/swapped' }] },
        })
      ).json();
      expect((await call('POST', `/integrations/${later.id}/test`)).json()).toMatchObject({ ok: true });
      mkdirSync(join(outside, 'repo'));
      renameSync(join(swapped, '.git'), join(outside, 'repo', '.git'));
      rmSync(swapped, { recursive: true });
      symlinkSync(join(outside, 'repo'), swapped);
      expect((await call('POST', `/integrations/${later.id}/test`)).json()).toMatchObject({
        ok: false,
        code: 'GIT_PATH_NOT_ALLOWED',
      });
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('sync now queues one run; pause, resume and cancel move it; wrong moves are 409s', async () => {
    const integration = (
      await call('POST', '/integrations', {
        kind: 'git',
        name: 'runs',
        config: { repositories: [{ path: dir }] },
      })
    ).json();
    const first = await call('POST', `/integrations/${integration.id}/sync`, { full: true }, f.tokens.member);
    expect(first.statusCode).toBe(201);
    const { run, created } = first.json();
    expect(created).toBe(true);
    expect(run).toMatchObject({ state: 'queued', mode: 'full' });
    const joined = (await call('POST', `/integrations/${integration.id}/sync`, {}, f.keys.write)).json();
    expect(joined).toMatchObject({ created: false, run: { id: run.id } });
    expect((await call('POST', `/sync-runs/${run.id}/pause`, {}, f.tokens.member)).json().state).toBe(
      'paused',
    );
    expect((await call('POST', `/sync-runs/${run.id}/resume`, {}, f.tokens.member)).json().state).toBe(
      'queued',
    );
    expect((await call('POST', `/sync-runs/${run.id}/cancel`, {}, f.tokens.member)).json().state).toBe(
      'cancelled',
    );
    const late = await call('POST', `/sync-runs/${run.id}/pause`, {}, f.tokens.member);
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('SYNC_RUN_STATE_INVALID');
    const listed = (
      await call('GET', `/sync-runs?integration=${integration.id}`, undefined, f.tokens.viewer)
    ).json();
    expect(listed.items.map((r: { id: number }) => r.id)).toEqual([run.id]);
    expect((await call('GET', `/sync-runs/${run.id}`, undefined, f.tokens.viewer)).json().state).toBe(
      'cancelled',
    );
  });

  it('a run whose failed partitions are tolerated is partial in the API, never succeeded', async () => {
    const integration = (
      await call('POST', '/integrations', {
        kind: 'git',
        name: 'half',
        // A folder that is not a git repository: allowed where it lies, failing when read.
        config: {
          repositories: [
            { path: dir },
            { path: mkdtempSync(join(f.gitFolder, 'plain-')), name: 'acme/lost' },
          ],
        },
        maxFailedShare: 1,
      })
    ).json();
    const { run } = (await call('POST', `/integrations/${integration.id}/sync`, {}, f.tokens.member)).json();
    const log = { debug: () => {}, info: () => {}, warn: () => {} };
    const deps = {
      db: handle.db,
      registry: knownConnectors(undefined, { roots: [f.gitRoot] }),
      keyring: f.keyring,
      log,
      workerId: 'api-test',
      createHttp: httpFactory(log, createEgressPolicy()),
    };
    expect((await executeRun(deps, f.tenants.a.id, run.id)).state).toBe('partial');
    const read = (await call('GET', `/sync-runs/${run.id}`, undefined, f.tokens.viewer)).json();
    expect(read.state).toBe('partial');
    expect(read.summary.failedPartitions.length).toBeGreaterThan(0);
    const spec = (await call('GET', '/openapi.json', undefined, f.tokens.viewer)).body;
    expect(spec).toContain('"partial"');
  });

  it('bad sync and run inputs are 400s naming the field', async () => {
    const integration = (
      await call('POST', '/integrations', {
        kind: 'git',
        name: 'inputs',
        config: { repositories: [{ path: dir }] },
      })
    ).json();
    const full = await call('POST', `/integrations/${integration.id}/sync`, { full: 'yes' }, f.tokens.member);
    expect(full.statusCode).toBe(400);
    expect(full.json().error).toMatchObject({ code: 'VALIDATION_FAILED', path: 'body.full' });
    const filter = await call('GET', '/sync-runs?integration=abc', undefined, f.tokens.viewer);
    expect(filter.json().error).toMatchObject({ code: 'VALIDATION_FAILED', path: 'query.integration' });
    const interval = await call('POST', '/integrations', {
      kind: 'git',
      name: 'interval',
      config: { repositories: [{ path: dir }] },
      syncIntervalMinutes: 0,
    });
    expect(interval.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      path: 'body.syncIntervalMinutes',
    });
    expect((await call('GET', '/sync-runs/abc', undefined, f.tokens.viewer)).statusCode).toBe(404);
  });

  it('another tenant sees no integration or run of this one, and cannot act on them', async () => {
    const integration = (
      await call('POST', '/integrations', {
        kind: 'git',
        name: 'private',
        config: { repositories: [{ path: dir }] },
      })
    ).json();
    const run = (await call('POST', `/integrations/${integration.id}/sync`, {})).json().run;
    const other = f.tokens.other;
    expect((await call('GET', '/integrations', undefined, other)).json().items).toEqual([]);
    expect((await call('GET', '/sync-runs', undefined, other)).json().items).toEqual([]);
    for (const [method, url] of [
      ['GET', `/sync-runs/${run.id}`],
      ['POST', `/sync-runs/${run.id}/cancel`],
      ['POST', `/integrations/${integration.id}/sync`],
      ['POST', `/integrations/${integration.id}/test`],
      ['DELETE', `/integrations/${integration.id}`],
    ] as const) {
      const res = await call(method, url, method === 'POST' ? {} : undefined, other);
      expect(res.statusCode, `${method} ${url}`).toBe(404);
    }
    expect((await call('GET', `/sync-runs/${run.id}`)).json().state).toBe('queued');
    const removed = await call('DELETE', `/integrations/${integration.id}`);
    expect(removed.statusCode).toBe(204);
    expect(
      (await call('GET', '/integrations')).json().items.map((i: { name: string }) => i.name),
    ).not.toContain('private');
  });
});
