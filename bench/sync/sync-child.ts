/**
 * The measured process of the sync benchmark: one full GitHub sync through the whole engine
 * (runner, HTTP client, writer) into an already created, empty database, with this process's
 * memory sampled every 100 ms. Started by bench/sync/run-size.ts with an IPC channel; sends back
 * one `SyncFigures` message. argv: one JSON `SyncChildInput`.
 *
 * A child of its own so each size starts from a fresh heap: a previous, larger sync's leftovers
 * would otherwise count against the next one.
 */
import { performance } from 'node:perf_hooks';
import { githubConnector, type Connector } from '@pulse/connectors';
import { migrate, openPostgres, withTenant } from '@pulse/db';
import { addIntegration, executeRun, httpFactory, requestSync } from '@pulse/sync';
import { loopbackEgress } from '../../packages/sync/test/support/egress.ts';
import { newTenant, testDeps } from '../../packages/sync/test/support/harness.ts';
import { sampleMemory, thin, type MemoryFigures, type MemorySample } from './memory-sampler.ts';

export interface SyncChildInput {
  readonly databaseUrl: string;
  readonly baseUrl: string;
  readonly token: string;
  readonly org: string;
}

export interface SyncFigures {
  readonly state: string;
  readonly syncMs: number;
  /** Records the run stored (its own count: one per normalised record written). */
  readonly records: number;
  readonly requests: number;
  readonly rows: Record<string, number>;
  readonly failedPartitions: number;
  readonly memory: Omit<MemoryFigures, 'samples'> & {
    /** V8 heap still in use after the run and a full garbage collection: what the sync left behind. */
    readonly heapAfterGcBytes: number | null;
    readonly rssAfterGcBytes: number | null;
    readonly timeline: readonly MemorySample[];
  };
}

const tables = [
  'repositories',
  'pull_requests',
  'pull_request_commits',
  'pull_request_reviews',
  'pull_request_comments',
  'deployments',
  'pipeline_runs',
  'commit_checks',
  'git_refs',
  'work_items',
  'identities',
  'raw_records',
];

/**
 * The connector with each stream announcing itself when the runner plans its partitions, which
 * it does when the stream starts (streams run one after another). Progress events would name it
 * only after its first page is stored: for a stream that reads a whole repository before yielding,
 * that is most of its run.
 */
function labelled<C, S>(connector: Connector<C, S>, onStart: (stream: string) => void): Connector<C, S> {
  return {
    ...connector,
    streams: connector.streams.map((stream) => ({
      ...stream,
      partitions: (ctx) => {
        onStart(stream.name);
        return stream.partitions(ctx);
      },
    })),
  };
}

const input = JSON.parse(process.argv[2] ?? '{}') as SyncChildInput;
const log = {
  debug: () => {},
  info: () => {},
  warn: (fields: unknown, message?: string) =>
    console.error(`[bench sync] warning: ${message ?? ''} ${JSON.stringify(fields)}`),
};

// The parent gone (killed, Ctrl-C): stop too; it drops the database.
const orphaned = () => process.exit(1);
process.once('disconnect', orphaned);

const db = await openPostgres({ url: input.databaseUrl });
try {
  await migrate(db);
  const tenantId = await newTenant(db, 'bench');
  // Sampling starts here, after migrations: the few set-up statements below cost nothing.
  const sampler = sampleMemory(100);
  const deps = testDeps(db, [labelled(githubConnector, (stream) => sampler.note({ stream }))], {
    createHttp: httpFactory(log, loopbackEgress),
    orphanAfterMs: 60_000,
    log,
    onProgress: (event) => sampler.note({ records: event.progress.records }),
  });
  const integration = await addIntegration(db, deps.keyring, deps.registry, tenantId, {
    kind: 'github',
    name: 'bench',
    config: { baseUrl: input.baseUrl, repositories: { org: input.org } },
    secrets: { token: input.token },
  });
  const { run } = await requestSync(db, tenantId, integration.id, { mode: 'full', requestedBy: 'bench' });

  const start = performance.now();
  const finished = await executeRun(deps, tenantId, run.id);
  const syncMs = performance.now() - start;
  const memory = sampler.stop();

  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const after = process.memoryUsage();
  const rows = await withTenant(db, tenantId, async (tx) => {
    const counts: Record<string, number> = {};
    for (const table of tables)
      counts[table] = (await tx.query<{ n: number }>(`select count(*)::int as n from ${table}`)).rows[0]!.n;
    return counts;
  });
  const { samples, ...peaks } = memory;
  const figures: SyncFigures = {
    state: finished.state,
    syncMs,
    records: finished.progress.records ?? 0,
    requests: finished.progress.requests ?? 0,
    rows,
    failedPartitions: finished.progress.partitionsFailed ?? 0,
    memory: {
      ...peaks,
      heapAfterGcBytes: gc ? after.heapUsed : null,
      rssAfterGcBytes: gc ? after.rss : null,
      timeline: thin(samples, 1000),
    },
  };
  await new Promise<void>((resolve, reject) =>
    process.send!(figures, (error: Error | null) => (error ? reject(error) : resolve())),
  );
  process.off('disconnect', orphaned);
  process.disconnect();
} finally {
  await db.close();
}
