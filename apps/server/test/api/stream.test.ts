/**
 * WebSocket /api/v1/stream: authentication by the hello message, the caller's tenant only, topic
 * filters, resume from the last event id, credentials re-checked while connected, and, on
 * PostgreSQL, a sync run executed by a `pulse worker` in another process seen live through
 * LISTEN/NOTIFY.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { generateSecretKey } from '@pulse/core';
import { describeEachDb } from '../../../../test/support/databases.ts';
import { startPulse, type PulseProcess } from '../support/run-pulse.ts';
import { addRepository, apiFixture, bearer, repoFolder, type ApiFixture } from './fixture.ts';
import { openStream, type StreamClient, type StreamMessage } from './stream-client.ts';

const deployment = (externalId: string) => ({
  externalId,
  repository: { fullName: 'acme/live' },
  environment: 'production',
  isProduction: true,
  commitSha: 'b'.repeat(40),
  status: 'success',
  finishedAt: '2026-03-01T10:00:00Z',
});

const pushed = (m: StreamMessage) => m.type === 'event' && m.topic === 'data' && m.data?.reason === 'push';

describeEachDb('API stream', (handle) => {
  let f: ApiFixture;
  let base: string;
  const clients: StreamClient[] = [];
  const connect = async (hello: unknown) => {
    const client = await openStream(base, hello);
    clients.push(client);
    return client;
  };
  const push = async (id: string, key = f.keys.write) => {
    const res = await f.app.inject({
      method: 'POST',
      url: '/api/v1/deployments',
      headers: bearer(key),
      payload: deployment(id),
    });
    expect(res.statusCode, res.body).toBe(200);
  };

  beforeAll(async () => {
    f = await apiFixture(handle, 'stream', { streamOptions: { recheckMs: 200, helloTimeoutMs: 1000 } });
    await addRepository(handle.db, 'live', [f.tenants.a.id, f.tenants.b.id]);
    base = await f.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    for (const client of clients) await client.close();
    await f?.close();
  });

  it("delivers the caller's tenant's data events, and nothing of another tenant", async () => {
    const viewer = await connect({ type: 'hello', token: f.tokens.viewer });
    const other = await connect({ type: 'hello', token: f.tokens.other });
    await viewer.waitFor((m) => m.type === 'ready');
    await other.waitFor((m) => m.type === 'ready');

    await push('live-1');
    const event = await viewer.waitFor(pushed);
    expect(event.data).toEqual({ reason: 'push', integrationId: null });
    expect(event.id).toMatch(/^\d+$/);
    // The refreshed metric facts follow (dashboards refetch their numbers on it).
    await viewer.waitFor((m) => m.type === 'event' && m.data?.reason === 'metrics');

    // B's admin pushes into B: A's viewer must not see it; B's client sees B's events only.
    await push('live-b-1', f.keys.otherAdmin);
    const own = await other.waitFor(pushed);
    await push('live-2');
    await viewer.waitFor((m) => pushed(m) && m.id !== event.id);
    expect(viewer.events().map((m) => m.id)).not.toContain(own.id);
    expect(
      other
        .events()
        .filter(pushed)
        .map((m) => m.id),
    ).toEqual([own.id]);
    const ids = (client: StreamClient) => new Set(client.events().map((m) => m.id));
    for (const id of ids(viewer)) expect(ids(other).has(id)).toBe(false);
  });

  it('accepts API keys, filters by topic, and resumes after the last event id seen', async () => {
    const first = await connect({ type: 'hello', token: f.keys.read, topics: ['data'] });
    const ready = await first.waitFor((m) => m.type === 'ready');
    await push('resume-1');
    const seen = await first.waitFor(pushed);
    await first.close();

    // Missed while disconnected: two data events, and a sync-runs event the filter excludes.
    await push('resume-2');
    await push('resume-3');
    const { StreamBus } = await import('@pulse/server');
    const bus = new StreamBus(handle.db, { warn: () => {} } as never);
    bus.publish(f.tenants.a.id, 'sync-runs', { runId: 1, integrationId: 1, state: 'running', progress: {} });
    await bus.flush();

    const again = await connect({ type: 'hello', token: f.keys.read, topics: ['data'], after: seen.id });
    const resumed = await again.waitFor((m) => m.type === 'ready');
    expect(resumed.resumed).toBe(true);
    await again.waitFor(() => again.events().filter(pushed).length === 2);
    const ids = again
      .events()
      .filter(pushed)
      .map((m) => BigInt(m.id!));
    expect(ids.every((id) => id > BigInt(seen.id!))).toBe(true);
    expect(ids[0]! < ids[1]!).toBe(true);
    expect(again.events().every((m) => m.topic === 'data')).toBe(true);
    expect(BigInt(resumed.lastEventId!)).toBeGreaterThan(BigInt(ready.lastEventId ?? '0'));
  });

  it('rejects a missing or malformed hello and a bad token with a code and a hint', async () => {
    const garbage = await connect('not json');
    const error = await garbage.waitFor((m) => m.type === 'error');
    expect(error.error).toMatchObject({
      code: 'STREAM_HELLO_INVALID',
      hint: expect.stringContaining('hello'),
    });
    expect(await garbage.closed).toBe(4400);

    const unknownField = await connect({ type: 'hello', token: f.tokens.viewer, tenant: f.tenants.b.id });
    expect((await unknownField.waitFor((m) => m.type === 'error')).error?.code).toBe('STREAM_HELLO_INVALID');

    const forged = await connect({ type: 'hello', token: `${f.tokens.viewer.slice(0, -4)}AAAA` });
    expect((await forged.waitFor((m) => m.type === 'error')).error?.code).toBe('AUTH_TOKEN_INVALID');
    expect(await forged.closed).toBe(4401);

    const silent = await openStream(base, '{"type":"nothing"}');
    clients.push(silent);
    expect(await silent.closed).toBe(4400);
  });

  it('disconnects a client whose API key is revoked while connected', async () => {
    const created = await f.app.inject({
      method: 'POST',
      url: '/api/v1/api-keys',
      headers: bearer(f.tokens.admin),
      payload: { name: 'stream-revoked', scopes: ['read'] },
    });
    const { id, key } = created.json<{ id: string; key: string }>();
    const client = await connect({ type: 'hello', token: key });
    await client.waitFor((m) => m.type === 'ready');
    const revoked = await f.app.inject({
      method: 'DELETE',
      url: `/api/v1/api-keys/${id}`,
      headers: bearer(f.tokens.admin),
    });
    expect(revoked.statusCode).toBe(204);
    expect(await client.closed).toBe(4401);
    expect(client.messages.at(-1)?.error?.code).toMatch(/^AUTH_/);
  });

  it('publishes the queued state of a run started through the API', async () => {
    const dir = repoFolder(f, 'pulse-stream-git-');
    try {
      const git = (...args: string[]) => execFileSync('git', ['-C', dir.path, ...args], { stdio: 'pipe' });
      git('init', '-q', '-b', 'main');
      writeFileSync(join(dir.path, 'README'), 'hello\n');
      git('add', 'README');
      git('-c', 'user.name=Ada', '-c', 'user.email=ada@example.com', 'commit', '-q', '-m', 'first');
      const added = await f.app.inject({
        method: 'POST',
        url: '/api/v1/integrations',
        headers: bearer(f.tokens.admin),
        payload: { kind: 'git', name: 'stream-queued', config: { repositories: [{ path: dir.path }] } },
      });
      expect(added.statusCode, added.body).toBe(201);
      const client = await connect({ type: 'hello', token: f.tokens.member, topics: ['sync-runs'] });
      await client.waitFor((m) => m.type === 'ready');
      const started = await f.app.inject({
        method: 'POST',
        url: `/api/v1/integrations/${added.json<{ id: number }>().id}/sync`,
        headers: bearer(f.tokens.member),
      });
      expect(started.statusCode, started.body).toBe(201);
      const run = started.json<{ run: { id: number } }>().run;
      const event = await client.waitFor((m) => m.type === 'event' && m.data?.runId === run.id);
      expect(event.data).toMatchObject({ state: 'queued', integrationId: added.json<{ id: number }>().id });
    } finally {
      dir.remove();
    }
  });
});

// A sync run executed by `pulse worker` in another process: the API node sees its progress
// because events cross processes through PostgreSQL LISTEN/NOTIFY.
describeEachDb('API stream across processes', (handle) => {
  const secretKey = generateSecretKey();
  let f: ApiFixture;
  let base: string;
  let worker: PulseProcess | undefined;
  let dir: { path: string; remove: () => void };
  let client: StreamClient | undefined;

  beforeAll(async () => {
    if (handle.backend !== 'postgres') return;
    f = await apiFixture(handle, 'worker', { secretKey });
    base = await f.app.listen({ port: 0, host: '127.0.0.1' });
    dir = repoFolder(f, 'pulse-stream-worker-');
    const git = (...args: string[]) => execFileSync('git', ['-C', dir.path, ...args], { stdio: 'pipe' });
    git('init', '-q', '-b', 'main');
    for (let i = 0; i < 30; i++) {
      writeFileSync(join(dir.path, 'README'), `change ${i}\n`);
      git('add', 'README');
      git('-c', 'user.name=Ada', '-c', 'user.email=ada@example.com', 'commit', '-q', '-m', `change ${i}`);
    }
    worker = startPulse(['worker', '--no-schedule', '--concurrency', '1'], {
      cwd: dir.path,
      env: {
        DATABASE_URL: handle.url!,
        PULSE_SECRET_KEY: secretKey,
        PULSE_LOG_LEVEL: 'warn',
        PULSE_GIT_ROOTS: f.gitRoot,
      },
    });
  });
  afterAll(async () => {
    await client?.close();
    await worker?.stop('SIGTERM');
    await f?.close();
    dir?.remove();
  });

  it('streams the progress of a run that a worker process executes', async (context) => {
    if (handle.backend !== 'postgres') context.skip(); // one embedded database admits one process
    const added = await f.app.inject({
      method: 'POST',
      url: '/api/v1/integrations',
      headers: bearer(f.tokens.admin),
      payload: {
        kind: 'git',
        name: 'worker-git',
        config: { repositories: [{ path: dir.path, name: 'acme/worker' }] },
      },
    });
    expect(added.statusCode, added.body).toBe(201);
    const integrationId = added.json<{ id: number }>().id;
    client = await openStream(base, { type: 'hello', token: f.tokens.viewer });
    await client.waitFor((m) => m.type === 'ready');
    const started = await f.app.inject({
      method: 'POST',
      url: `/api/v1/integrations/${integrationId}/sync`,
      headers: bearer(f.tokens.member),
    });
    expect(started.statusCode, started.body).toBe(201);
    const runId = started.json<{ run: { id: number } }>().run.id;

    const done = await client.waitFor(
      (m) => m.topic === 'sync-runs' && m.data?.runId === runId && m.data.state === 'succeeded',
      60_000,
    );
    expect(done.data).toMatchObject({ integrationId, progress: { partitionsDone: expect.any(Number) } });
    const progress = client.events().filter((m) => m.topic === 'sync-runs' && m.data?.runId === runId);
    expect(progress.map((m) => m.data?.state)).toContain('running');
    expect((done.data?.progress as { records: number }).records).toBeGreaterThanOrEqual(30);
    await client.waitFor((m) => m.topic === 'data' && m.data?.reason === 'sync');
    // The worker wrote these events: nothing in this process published them.
    const stored = await handle.db.query<{ n: number }>(
      "select count(*)::int as n from stream_events where topic = 'sync-runs' and (data->>'runId')::int = $1",
      [runId],
    );
    expect(stored.rows[0]!.n).toBeGreaterThanOrEqual(2);
  });
});
