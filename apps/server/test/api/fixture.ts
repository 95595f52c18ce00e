/**
 * Two tenants with a user of every role, an operator, and API keys, behind a real app (inject()).
 * Passwords are real argon2id hashes; tokens come from the real login route.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createKeyring, generateSecretKey, parseSecretKey, type Keyring } from '@pulse/core';
import { asOperator, createTenant, createUser, withTenant, type Db } from '@pulse/db';
import type { EgressPolicy } from '@pulse/connectors';
import { httpFactory, openSyncQueue, type SyncQueue } from '@pulse/sync';
import type { TestDatabase } from '../../../../test/support/databases.ts';
import {
  buildApp,
  createApiKey,
  createLogger,
  hashPassword,
  knownConnectors,
  SecretScrubber,
  type StreamOptions,
} from '@pulse/server';

export const password = 'correct horse battery staple';

export type Who = 'viewer' | 'member' | 'admin' | 'operator' | 'other';

export const silentLog = createLogger({ level: 'silent', scrubber: new SecretScrubber() });

export interface ApiFixture {
  readonly app: FastifyInstance;
  /** The real sync queue (pg-boss) of the app: nothing works its jobs, so runs stay queued. */
  readonly queue: SyncQueue;
  readonly close: () => Promise<void>;
  readonly keyring: Keyring;
  /** The git root (PULSE_GIT_ROOTS) the app's git connector is confined to; removed on close. */
  readonly gitRoot: string;
  /** Tenant A's folder under the git root: where its repositories go. */
  readonly gitFolder: string;
  readonly tenants: { readonly a: { id: string; slug: string }; readonly b: { id: string; slug: string } };
  readonly emails: Record<Who, string>;
  /** An access token per caller: roles of tenant A; `other` is B's admin; `operator` is in A. */
  readonly tokens: Record<Who, string>;
  readonly keys: {
    readonly read: string;
    readonly write: string;
    readonly admin: string;
    readonly otherAdmin: string;
  };
}

export interface FixtureOptions {
  /** PULSE_SECRET_KEY of the app (e.g. to share it with a child process); default: a new one. */
  readonly secretKey?: string;
  readonly streamOptions?: StreamOptions;
  /** Period and report-time limits of the app (default: the server's defaults). */
  readonly limits?: { maxRangeDays?: number; reportTimeoutMs?: number };
  /** Where the app's integrations may connect (default: the production policy, public addresses only). */
  readonly egress?: EgressPolicy;
}

export async function apiFixture(
  handle: TestDatabase,
  suffix: string,
  options: FixtureOptions = {},
): Promise<ApiFixture> {
  const db = handle.db;
  const keyring = createKeyring(parseSecretKey(options.secretKey ?? generateSecretKey()));
  const queue = await openSyncQueue(db, handle.url === undefined ? {} : { connectionString: handle.url });
  // Each tenant has its folder under the root, named by its slug (made just below).
  const gitRoot = mkdtempSync(join(tmpdir(), 'pulse-api-git-root-'));
  for (const slug of [`a-${suffix}`, `b-${suffix}`]) mkdirSync(join(gitRoot, slug));
  const app = await buildApp({
    db,
    log: silentLog,
    keyring,
    sync: {
      queue,
      registry: knownConnectors(undefined, { roots: [gitRoot] }),
      ...(options.egress === undefined ? {} : { createHttp: httpFactory(silentLog, options.egress) }),
    },
    // Every login of these tests comes from one address; the limit has tests of its own.
    http: { loginAttemptsPerMinute: 10_000 },
    ...(options.streamOptions === undefined ? {} : { streamOptions: options.streamOptions }),
    ...(options.limits === undefined ? {} : { limits: options.limits }),
  });
  const a = await createTenant(db, { slug: `a-${suffix}` }, 'test');
  const b = await createTenant(db, { slug: `b-${suffix}` }, 'test');
  const passwordHash = await hashPassword(password);
  const emails: Record<Who, string> = {
    viewer: `viewer-${suffix}@a.example`,
    member: `member-${suffix}@a.example`,
    admin: `admin-${suffix}@a.example`,
    operator: `operator-${suffix}@ops.example`,
    other: `admin-${suffix}@b.example`,
  };
  for (const role of ['viewer', 'member', 'admin'] as const)
    await createUser(db, { tenant: a.slug, email: emails[role], role, passwordHash }, 'test');
  await createUser(db, { tenant: b.slug, email: emails.other, role: 'admin', passwordHash }, 'test');
  // The operator is a member of B only: operator rights, not membership, let it into A.
  const op = await createUser(
    db,
    { tenant: b.slug, email: emails.operator, role: 'viewer', passwordHash },
    'test',
  );
  await asOperator(db, { actor: 'test', action: 'user.operator' }, async (tx) => {
    await tx.query('update users set is_operator = true where id = $1', [op.id]);
    return { tenantId: null, result: undefined };
  });
  const tokens = {} as Record<Who, string>;
  for (const who of ['viewer', 'member', 'admin', 'operator', 'other'] as const) {
    const tenant = who === 'other' ? b.slug : a.slug;
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: emails[who], password, tenant },
    });
    if (res.statusCode !== 200) throw new Error(`login of ${who} failed: ${res.body}`);
    tokens[who] = res.json<{ accessToken: string }>().accessToken;
  }
  const key = async (tenantId: string, scope: 'read' | 'write' | 'admin') =>
    (await createApiKey(db, tenantId, { name: `${scope} key`, scopes: [scope], createdBy: null })).key;
  return {
    app,
    queue,
    close: async () => {
      await app.close();
      await queue.stop();
      rmSync(gitRoot, { recursive: true, force: true });
    },
    keyring,
    gitRoot,
    gitFolder: join(gitRoot, a.slug),
    tenants: { a: { id: a.id, slug: a.slug }, b: { id: b.id, slug: b.slug } },
    emails,
    tokens,
    keys: {
      read: await key(a.id, 'read'),
      write: await key(a.id, 'write'),
      admin: await key(a.id, 'admin'),
      otherAdmin: await key(b.id, 'admin'),
    },
  };
}

/** A new folder in tenant A's git folder (inside the app's git root), removed by `remove()`. */
export function repoFolder(f: ApiFixture, prefix: string): { path: string; remove: () => void } {
  const path = mkdtempSync(join(f.gitFolder, prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Stores GitHub repository `acme/<name>` (external id `R_<name>`) in each of `tenantIds`. */
export async function addRepository(db: Db, name: string, tenantIds: readonly string[]): Promise<void> {
  for (const tenantId of tenantIds)
    await withTenant(db, tenantId, (tx) =>
      tx.query(
        `insert into repositories (tenant_id, source, external_id, name, full_name)
         values ($1, 'github', $2, $3, $4)`,
        [tenantId, `R_${name}`, name, `acme/${name}`],
      ),
    );
}
