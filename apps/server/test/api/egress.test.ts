/**
 * Outbound requests through the API: an integration pointed at an internal service cannot read it
 * back (test-connection messages and sync-run errors carry codes, statuses and paths, never the
 * body, and viewers read exactly what admins read), the default policy never connects to
 * 127.0.0.1, and stored credentials stay bound to the base URL they were given for.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createEgressPolicy, type EgressPolicy } from '@pulse/connectors';
import { withTenant } from '@pulse/db';
import { executeRun, httpFactory } from '@pulse/sync';
import { knownConnectors } from '../../src/cli/sync-deps.ts';
import { describeEachDb } from '../../../../test/support/databases.ts';
import { apiFixture, bearer, silentLog, type ApiFixture } from './fixture.ts';

/** What the internal service answers; none of it may come back out through Pulse. */
const secretPage = 'INTERNAL-ADMIN-PAGE root:x:0:0 db_password=hunter2';

describeEachDb('API egress: SSRF, source bodies and credential binding', (handle) => {
  let open: ApiFixture;
  let strict: ApiFixture;
  let internal: Server;
  let internalUrl: string;
  const seen: string[] = [];
  let egress: EgressPolicy;

  beforeAll(async () => {
    internal = createServer((req, res) => {
      seen.push(req.url ?? '');
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: secretPage, errorMessages: [secretPage] }));
    });
    await new Promise<void>((resolve) => internal.listen(0, '127.0.0.1', resolve));
    internalUrl = `http://127.0.0.1:${(internal.address() as AddressInfo).port}`;
    // The operator allowed 127.0.0.1 on one app; the other runs the default policy.
    egress = createEgressPolicy({ allow: '127.0.0.1' });
    open = await apiFixture(handle, 'egress-open', { egress });
    strict = await apiFixture(handle, 'egress-strict');
  });
  afterAll(async () => {
    await open?.close();
    await strict?.close();
    await egress?.close();
    await new Promise((resolve) => internal?.close(resolve));
  });

  const call = (
    f: ApiFixture,
    method: 'GET' | 'POST' | 'PATCH',
    url: string,
    payload?: object,
    token = f.tokens.admin,
  ) =>
    f.app.inject({ method, url: `/api/v1${url}`, headers: bearer(token), ...(payload ? { payload } : {}) });

  const addGithub = async (
    f: ApiFixture,
    name: string,
    baseUrl: string,
    token = 'ghp_storedToken0123456789',
  ) => {
    const added = await call(f, 'POST', '/integrations', {
      kind: 'github',
      name,
      config: { baseUrl, repositories: { repositories: ['acme/api'] } },
      secrets: { token },
    });
    expect(added.statusCode, added.body).toBe(201);
    return added.json<{ id: number }>().id;
  };

  it('the default policy never connects to 127.0.0.1: the internal server sees no request', async () => {
    const before = seen.length;
    const id = await addGithub(strict, 'internal-strict', internalUrl);
    const tested = await call(strict, 'POST', `/integrations/${id}/test`);
    expect(tested.statusCode, tested.body).toBe(200);
    expect(tested.json()).toMatchObject({ ok: false, code: 'SOURCE_UNAVAILABLE' });
    expect(tested.json().message).toBe('GET /user failed 2 times in a row; last: cannot connect.');
    expect(seen.length).toBe(before);
  });

  it('test connection reports the status and path only, never what the source sent', async () => {
    const id = await addGithub(open, 'internal-open', internalUrl);
    const tested = await call(open, 'POST', `/integrations/${id}/test`);
    expect(tested.json()).toMatchObject({ ok: false, code: 'SOURCE_HTTP_ERROR' });
    expect(tested.json().message).toBe('GET /user answered 400.');
    expect(tested.body).not.toContain('INTERNAL-ADMIN-PAGE');
    expect(tested.body).not.toContain('hunter2');
  });

  it('a failed sync run shows viewers codes and statuses, no source text', async () => {
    const id = await addGithub(open, 'internal-sync', internalUrl);
    const queued = await call(open, 'POST', `/integrations/${id}/sync`, {}, open.tokens.member);
    expect(queued.statusCode, queued.body).toBe(201);
    const runId = queued.json<{ run: { id: number } }>().run.id;
    await executeRun(
      {
        db: handle.db,
        registry: knownConnectors(),
        keyring: open.keyring,
        log: silentLog,
        workerId: 'egress-test',
        createHttp: httpFactory(silentLog, egress),
      },
      open.tenants.a.id,
      runId,
    );
    for (const path of [`/sync-runs/${runId}`, `/sync-runs?integration=${id}`]) {
      const viewed = await call(open, 'GET', path, undefined, open.tokens.viewer);
      expect(viewed.statusCode).toBe(200);
      expect(viewed.body).toContain('SOURCE_HTTP_ERROR');
      expect(viewed.body).toContain('answered 400');
      expect(viewed.body).not.toContain('INTERNAL-ADMIN-PAGE');
      expect(viewed.body).not.toContain('hunter2');
    }
  });

  it('moving the base URL without sending the credentials again is refused; with them it is accepted and audited', async () => {
    const id = await addGithub(open, 'bound', 'https://ghe.acme.example/api/v3');
    const config = (baseUrl: string, incidentLabel = 'incident') => ({
      baseUrl,
      repositories: { repositories: ['acme/api'] },
      incidentLabel,
    });
    const moved = await call(open, 'PATCH', `/integrations/${id}`, {
      config: config('https://evil.example/api/v3'),
    });
    expect(moved.statusCode, moved.body).toBe(400);
    expect(moved.json().error).toMatchObject({ code: 'INTEGRATION_SECRET_REBIND_REQUIRED' });
    expect(moved.json().error.hint).toMatch(/credentials again/);
    const stored = await call(open, 'GET', '/integrations');
    const bound = stored
      .json<{ items: { id: number; config: { baseUrl: string } }[] }>()
      .items.find((i) => i.id === id);
    expect(bound?.config.baseUrl).toBe('https://ghe.acme.example/api/v3');

    // Other settings change freely; the host is where the token goes.
    const relabelled = await call(open, 'PATCH', `/integrations/${id}`, {
      config: config('https://ghe.acme.example/api/v3', 'outage'),
    });
    expect(relabelled.statusCode, relabelled.body).toBe(200);

    const rebound = await call(open, 'PATCH', `/integrations/${id}`, {
      config: config('https://ghe2.acme.example/api/v3'),
      secrets: { token: 'ghp_newTokenForTheNewHost01' },
    });
    expect(rebound.statusCode, rebound.body).toBe(200);
    expect(rebound.json().config.baseUrl).toBe('https://ghe2.acme.example/api/v3');
    const audit = await withTenant(handle.db, open.tenants.a.id, (tx) =>
      tx.query<{ action: string; target: string; details: { from: string; to: string } }>(
        "select action, target, details from audit_log where action = 'integration.target_changed'",
      ),
    );
    expect(audit.rows).toEqual([
      {
        action: 'integration.target_changed',
        target: `integration:${id}`,
        details: {
          from: 'https://ghe.acme.example/api/v3',
          to: 'https://ghe2.acme.example/api/v3',
          secretsReplaced: true,
        },
      },
    ]);
  });

  it('the same holds for a Jira site', async () => {
    const config = (baseUrl: string) => ({ baseUrl, deployment: 'datacenter', projects: { keys: ['PROJ'] } });
    const added = await call(open, 'POST', '/integrations', {
      kind: 'jira',
      name: 'jira-bound',
      config: config('https://jira.acme.example'),
      secrets: { token: 'jira-pat-0123456789' },
    });
    expect(added.statusCode, added.body).toBe(201);
    const moved = await call(open, 'PATCH', `/integrations/${added.json().id}`, {
      config: config('https://jira.evil.example'),
    });
    expect(moved.json().error).toMatchObject({ code: 'INTEGRATION_SECRET_REBIND_REQUIRED' });
  });

  it.each([
    'https://ghe.acme.example/api/v3?',
    'https://ghe.acme.example/x#',
    'https://u:p@ghe.acme.example',
  ])('refuses the base URL %s when the integration is saved', async (baseUrl) => {
    const added = await call(open, 'POST', '/integrations', {
      kind: 'github',
      name: 'bad-url',
      config: { baseUrl, repositories: { org: 'acme' } },
      secrets: { token: 'x' },
    });
    expect(added.statusCode).toBe(400);
    expect(added.json().error.code).toBe('INTEGRATION_CONFIG_INVALID');
    expect(added.json().error.message).toMatch(/baseUrl: the base URL must not/);
  });
});
