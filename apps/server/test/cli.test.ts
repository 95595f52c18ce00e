/**
 * The `pulse` command end to end: each case spawns bin/pulse.js with a minimal environment in a
 * fresh temporary folder and checks its exit code and what it prints. Embedded mode always runs;
 * the PostgreSQL cases need the test server (skipped when it is unreachable, a failure under CI).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKeyring } from '@pulse/core';
import {
  asOperator,
  readAsOperator,
  createTenant,
  openIntegrationSecrets,
  openPglite,
  sealIntegrationSecrets,
} from '@pulse/db';
import { createPostgresDatabase, postgresReachable } from '../../../test/support/databases.ts';
import {
  describeResult,
  embeddedEnv,
  expectError,
  expectOk,
  freePort,
  getJson,
  keyFileKeys,
  runPulse,
  startPulse,
  tempDir,
  type PulseProcess,
} from './support/run-pulse.ts';

const slow = { timeout: 60_000 };
const migrationNames = readdirSync(fileURLToPath(new URL('../../../packages/db/sql/', import.meta.url)))
  .filter((file) => file.endsWith('.sql'))
  .sort()
  .map((file) => file.replace(/\.sql$/, ''));
const runningLine = /Pulse is running at (http:\/\/[^\s]+) \(/;
/** Splits a command line on spaces (for arguments without spaces). */
const words = (text: string) => text.split(' ');

describe('pulse --help', slow, () => {
  const dir = tempDir();
  afterAll(() => dir.remove());

  it('lists every command, and every command has its own usage', async () => {
    const main = await runPulse(['--help'], { cwd: dir.path });
    expectOk(main);
    for (const name of words('serve migrate doctor admin secrets')) {
      expect(main.stdout).toMatch(new RegExp(`^ +${name}\\b`, 'm'));
    }
    const commands = [
      'admin tenant create',
      'admin user create',
      'secrets rotate',
      'doctor',
      'serve',
      'migrate',
    ];
    const results = await Promise.all(
      commands.map((c) => runPulse([...words(c), '--help'], { cwd: dir.path })),
    );
    results.forEach((result, i) => {
      expectOk(result);
      expect(result.stdout).toContain(`Usage: pulse ${commands[i]}`);
    });
    expect(readdirSync(dir.path)).toEqual([]);
  });
});

describe('start-up errors exit 2 with a code and a hint, and do not echo secrets', slow, () => {
  const dir = tempDir();
  const key = randomBytes(32).toString('base64');
  const unreachable = 'postgres://postgres:hunter2secret@127.0.0.1:1/x';
  const both = ['migrate', 'serve'];
  afterAll(() => dir.remove());

  // [expected code, environment, commands, text stderr must show / must not show]
  const cases: [string, Record<string, string>, string[], { shows?: string; hides?: string }][] = [
    ['DATABASE_URL_INVALID', { DATABASE_URL: 'not a url' }, both, { hides: 'not a url' }],
    [
      'DATABASE_UNREACHABLE',
      { DATABASE_URL: unreachable, PULSE_SECRET_KEY: key },
      both,
      { hides: 'hunter2secret' },
    ],
    ['SECRET_KEY_MISSING', { DATABASE_URL: unreachable }, both, {}],
    [
      'SECRET_KEY_INVALID',
      { DATABASE_URL: unreachable, PULSE_SECRET_KEY: 'tooshort' },
      ['migrate'],
      { hides: 'tooshort' },
    ],
    ['CONFIG_INVALID', { PORT: 'abc' }, both, { shows: 'PORT must be a whole number' }],
  ];

  for (const [code, env, commands, text] of cases) {
    for (const command of commands) {
      it.concurrent(`pulse ${command} with ${Object.keys(env).join(' and ')} → ${code}`, async () => {
        const result = await runPulse([command], { cwd: dir.path, env });
        expectError(result, code, 2);
        if (text.shows !== undefined) expect(result.stderr).toContain(text.shows);
        if (text.hides !== undefined) expect(result.stderr + result.stdout).not.toContain(text.hides);
        expect(result.stderr + result.stdout).not.toContain(key);
      });
    }
  }

  it('created nothing in the working folder', () => {
    expect(readdirSync(dir.path)).toEqual([]);
  });
});

describe('embedded mode: migrate, doctor and administration', slow, () => {
  const dir = tempDir();
  const env = embeddedEnv(dir.path);
  const run = (args: string[], input?: string) =>
    runPulse(args, input === undefined ? { cwd: dir.path, env } : { cwd: dir.path, env, input });
  afterAll(() => dir.remove());

  it('migrate applies every migration and generates a private key file, with a warning', async () => {
    const result = await run(['migrate']);
    expectOk(result);
    const storage = `embedded database in ${env.PULSE_DATA_DIR}`;
    expect(result.stdout).toContain(`Applied ${migrationNames.length} migration(s) in the ${storage}`);
    for (const name of migrationNames) expect(result.stdout).toContain(name);
    expect(statSync(env.PULSE_SECRET_KEY_FILE).mode & 0o777).toBe(0o600);
    expect(keyFileKeys(env.PULSE_SECRET_KEY_FILE)).toHaveLength(1);
    expect(result.stderr).toMatch(/Generated a new secret key in .*secret\.key \(permissions 0600\)/);
  });

  it('a second migrate finds the schema current and keeps the key', async () => {
    const before = readFileSync(env.PULSE_SECRET_KEY_FILE, 'utf8');
    const result = await run(['migrate']);
    expectOk(result);
    expect(result.stdout).toContain(`The schema is current (${migrationNames.length} migrations)`);
    expect(result.stderr).not.toContain('Generated a new secret key');
    expect(readFileSync(env.PULSE_SECRET_KEY_FILE, 'utf8')).toBe(before);
  });

  it('doctor passes every check', async () => {
    const result = await run(['doctor']);
    expectOk(result);
    const lines = result.stdout.split('\n').filter((line) => line !== '');
    expect(lines.length).toBeGreaterThanOrEqual(6);
    for (const line of lines) expect(line).toMatch(/^OK /);
  });

  it('creates a tenant, refuses a duplicate and an invalid slug', async () => {
    const created = await run([...words('admin tenant create acme --name'), 'Acme Corp']);
    expectOk(created);
    expect(created.stdout).toMatch(/^Created tenant acme \([0-9a-f-]{36}\)\.$/m);
    expectError(await run(words('admin tenant create acme')), 'TENANT_SLUG_TAKEN', 1);
    expectError(await run(['admin', 'tenant', 'create', 'Bad Slug']), 'TENANT_SLUG_INVALID', 1);
  });

  it('lists tenants as JSON', async () => {
    const result = await run(words('admin tenant list --json'));
    expectOk(result);
    const tenants = JSON.parse(result.stdout) as { slug: string; name: string; id: string }[];
    expect(tenants).toEqual([expect.objectContaining({ slug: 'acme', name: 'Acme Corp' })]);
  });

  it('creates a user with a password from standard input, e-mail lower-cased', async () => {
    const args = words(
      'admin user create --tenant acme --email Ada@Acme.Example --role admin --password-stdin',
    );
    const result = await run(args, 'correct horse battery staple\n');
    expectOk(result);
    expect(result.stdout).toContain('Created user ada@acme.example with role admin in acme.');
    expect(result.stdout).not.toContain('correct horse');
    expect(result.stdout).not.toContain('Initial password');
  });

  it('rejects a short password, an unknown role and an unknown tenant with exit 1', async () => {
    const user = (tenant: string, role: string) =>
      words(`admin user create --tenant ${tenant} --email bob@acme.example --role ${role}`);
    const short = await run([...user('acme', 'member'), '--password-stdin'], 'short\n');
    expectError(short, 'PASSWORD_TOO_SHORT', 1);
    expectError(await run(user('acme', 'overlord')), 'ROLE_INVALID', 1);
    expectError(await run(user('nowhere', 'member')), 'TENANT_NOT_FOUND', 1);
  });

  it('generates a password when none is piped and shows it once', async () => {
    const result = await run(
      words('admin user create --tenant acme --email grace@acme.example --role viewer'),
    );
    expectOk(result);
    expect(result.stdout).toContain('Created user grace@acme.example with role viewer in acme.');
    const shown = [...result.stdout.matchAll(/Initial password \(shown once\): (\S+)/g)];
    expect(shown).toHaveLength(1);
    expect(shown[0]?.[1]).toMatch(/^[A-Za-z0-9_-]{20}$/);
    expect(result.stderr).not.toContain(shown[0]?.[1]);
  });
});

describe('embedded mode: pulse serve', slow, () => {
  const dir = tempDir();
  const env = embeddedEnv(dir.path);
  const lockFile = join(dir.path, 'data.lock');
  const servers = new Set<PulseProcess>();
  const serve = async () => {
    const server = startPulse(['serve', '--port', String(await freePort())], { cwd: dir.path, env });
    servers.add(server);
    const match = await server.waitForStdout(runningLine);
    return { server, base: match[1]! };
  };
  afterAll(async () => {
    await Promise.all([...servers].map((server) => server.stop('SIGKILL')));
    dir.remove();
  });

  it('a tenant created before the server starts', async () => {
    expectOk(await runPulse(words('admin tenant create keepme'), { cwd: dir.path, env }));
  });

  it('serves health checks, locks the data folder and stops cleanly on SIGTERM', async () => {
    const { server, base } = await serve();
    expect(server.stdout()).toContain(`(embedded database in ${env.PULSE_DATA_DIR})`);
    expect(await getJson(`${base}/healthz`)).toEqual({ status: 200, body: { status: 'ok' } });
    const ready = await getJson(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({ status: 'ready' });
    expect(readFileSync(lockFile, 'utf8')).toBe(String(server.child.pid));

    const locked = await runPulse(words('admin tenant list'), { cwd: dir.path, env });
    expectError(locked, 'DATA_DIR_LOCKED', 2);
    expect(locked.stderr).toContain(`Process ${server.child.pid}`);

    const stopped = await server.stop('SIGTERM');
    expect(stopped.code, describeResult(stopped)).toBe(0);
    expect(existsSync(lockFile)).toBe(false);
  });

  it('starts again over a stale lock file and the data is still there', async () => {
    writeFileSync(lockFile, '999999');
    const { server, base } = await serve();
    expect((await getJson(`${base}/readyz`)).status).toBe(200);
    expect(readFileSync(lockFile, 'utf8')).toBe(String(server.child.pid));
    const stopped = await server.stop('SIGTERM');
    expect(stopped.code, describeResult(stopped)).toBe(0);

    const list = await runPulse(words('admin tenant list --json'), { cwd: dir.path, env });
    expectOk(list);
    expect((JSON.parse(list.stdout) as { slug: string }[]).map((t) => t.slug)).toEqual(['keepme']);
  });
});

describe.skipIf(!postgresReachable)('PostgreSQL mode', slow, () => {
  let dir = { path: '', remove: () => {} };
  const env: Record<string, string> = { PULSE_SECRET_KEY: randomBytes(32).toString('base64') };
  const servers = new Set<PulseProcess>();
  let drop = async () => {};
  const run = (args: string[]) => runPulse(args, { cwd: dir.path, env });
  const sql = async <R extends pg.QueryResultRow>(text: string): Promise<R[]> => {
    const client = new pg.Client({ connectionString: env.DATABASE_URL });
    await client.connect();
    try {
      return (await client.query<R>(text)).rows;
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    dir = tempDir();
    const database = await createPostgresDatabase();
    env.DATABASE_URL = database.url;
    drop = database.drop;
  });
  afterAll(async () => {
    await Promise.all([...servers].map((server) => server.stop('SIGKILL')));
    await drop();
    dir.remove();
  });

  it('two migrate processes at once apply each migration exactly once', async () => {
    const results = await Promise.all([run(['migrate']), run(['migrate'])]);
    const applied: string[] = [];
    for (const result of results) {
      expectOk(result);
      const match = /Applied \d+ migration\(s\) in the PostgreSQL at .*?: ([\w, ]+)\.$/m.exec(result.stdout);
      if (match) applied.push(...match[1]!.split(', '));
      else expect(result.stdout).toContain(`The schema is current (${migrationNames.length} migrations)`);
    }
    expect(applied.sort()).toEqual(migrationNames);
    const rows = await sql<{ id: number; name: string }>('select id, name from pulse_migrations order by id');
    expect(rows.map((row) => row.name)).toEqual(migrationNames);
    expect(rows.map((row) => row.id)).toEqual(migrationNames.map((_, i) => i + 1));
  });

  it('serve answers /healthz and /readyz', async () => {
    const server = startPulse(['serve', '--port', String(await freePort())], { cwd: dir.path, env });
    servers.add(server);
    const base = (await server.waitForStdout(runningLine))[1]!;
    expect(server.stdout()).toContain('(PostgreSQL at 127.0.0.1:5432/');
    expect(await getJson(`${base}/healthz`)).toEqual({ status: 200, body: { status: 'ok' } });
    const ready = await getJson(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({ status: 'ready' });
    const stopped = await server.stop('SIGTERM');
    expect(stopped.code, describeResult(stopped)).toBe(0);
  });

  it('doctor passes, then fails on a tenant table without row-level security', async () => {
    const healthy = await run(['doctor']);
    expectOk(healthy);
    for (const line of healthy.stdout.split('\n').filter((l) => l !== '')) expect(line).toMatch(/^OK /);

    await sql('create table rogue (tenant_id uuid, x int)');
    try {
      const result = await run(['doctor']);
      expect(result.code, describeResult(result)).toBe(1);
      const rls = /^FAIL +row-level security +table rogue: not enabled, not forced, no pulse_app policy$/m;
      expect(result.stdout).toMatch(rls);
      expect(result.stdout).toContain("SELECT pulse_enable_tenant_rls('rogue');");
    } finally {
      await sql('drop table if exists rogue');
    }
  });
});

describe('embedded mode: pulse secrets rotate', slow, () => {
  const dir = tempDir();
  const env = embeddedEnv(dir.path);
  const keyFile = env.PULSE_SECRET_KEY_FILE;
  const secrets = { token: 'ghp_example_token_value', webhookSecret: 'whsec-123' };
  afterAll(() => dir.remove());

  it('re-encrypts stored credentials under a newly generated key', async () => {
    expectOk(await runPulse(['migrate'], { cwd: dir.path, env }));
    const [original] = keyFileKeys(keyFile);
    if (original === undefined) throw new Error('migrate wrote no key');

    // Store one integration whose credentials are sealed under the key file's current key.
    let db = await openPglite(env.PULSE_DATA_DIR);
    let tenantId: string;
    let integrationId: number;
    try {
      tenantId = (await createTenant(db, { slug: 'vault' }, 'test')).id;
      integrationId = await asOperator(db, { actor: 'test', action: 'test.seed' }, async (tx) => {
        const inserted = await tx.query<{ id: number }>(
          "insert into integrations (tenant_id, kind, name) values ($1, 'github', 'gh') returning id",
          [tenantId],
        );
        const id = inserted.rows[0]!.id;
        const sealed = sealIntegrationSecrets(createKeyring(original), tenantId, id, secrets);
        await tx.query(
          'update integrations set secrets_sealed = $3, secrets_key_id = $4 where tenant_id = $1 and id = $2',
          [tenantId, id, sealed.sealed, sealed.keyId],
        );
        return { tenantId, result: id };
      });
    } finally {
      await db.close();
    }

    const result = await runPulse(['secrets', 'rotate'], { cwd: dir.path, env });
    expectOk(result);
    const fresh = /Generated a new key \(id ([0-9a-f]+)\)/.exec(result.stdout)?.[1];
    expect(fresh, describeResult(result)).toBeDefined();
    expect(fresh).not.toBe(original.id);
    expect(result.stdout).toContain(
      `Re-encrypted 1 integration credential set(s) under key ${fresh}; 0 already`,
    );

    const keys = keyFileKeys(keyFile);
    expect(keys.map((key) => key.id)).toEqual([fresh, original.id]);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(result.stdout + result.stderr).not.toContain(keys[0]!.bytes.toString('base64'));

    db = await openPglite(env.PULSE_DATA_DIR);
    try {
      const row = await readAsOperator(db, async (tx) => {
        const rows = await tx.query<{ sealed: string; keyId: string }>(
          'select secrets_sealed as sealed, secrets_key_id as "keyId" from integrations where tenant_id = $1 and id = $2',
          [tenantId, integrationId],
        );
        return rows.rows[0];
      });
      expect(row?.keyId).toBe(fresh);
      expect(openIntegrationSecrets(createKeyring(keys[0]!), tenantId, integrationId, row!.sealed)).toEqual(
        secrets,
      );
      const withOldKeyOnly = () =>
        openIntegrationSecrets(createKeyring(original), tenantId, integrationId, row!.sealed);
      expect(withOldKeyOnly).toThrow(expect.objectContaining({ code: 'SECRET_KEY_UNKNOWN' }));
    } finally {
      await db.close();
    }
  });
});
