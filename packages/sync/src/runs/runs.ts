/**
 * Sync runs: requesting one, reading them, and controlling a running one. State machine:
 *
 *   queued → running → succeeded | partial | failed | cancelled
 *   (partial: some partitions failed, within the integration's failure share)
 *   running ⇄ paused (pause is a request the worker honours between pages; resume re-queues)
 *
 * At most one run per integration is active (queued, running or paused): a unique index enforces it.
 */
import { PulseError, type ErrorCode } from '@pulse/core';
import { withTenant, type Db, type Tx } from '@pulse/db';
import type { SyncMode } from '@pulse/connectors';

export const runStates = [
  'queued',
  'running',
  'paused',
  'succeeded',
  'partial',
  'failed',
  'cancelled',
] as const;
export type RunState = (typeof runStates)[number];

export interface SyncRun {
  readonly id: number;
  readonly integrationId: number;
  readonly state: RunState;
  readonly mode: SyncMode;
  readonly control: 'pause' | 'cancel' | null;
  readonly progress: RunProgress;
  readonly summary: Record<string, unknown>;
  readonly requestedBy: string | null;
  readonly queuedAt: Date;
  readonly startedAt: Date | null;
  readonly finishedAt: Date | null;
}

export interface RunProgress {
  readonly partitionsTotal?: number;
  readonly partitionsDone?: number;
  readonly partitionsFailed?: number;
  readonly records?: number;
  readonly requests?: number;
  readonly rateLimitWaits?: number;
  readonly rateLimitWaitMs?: number;
  readonly etaSeconds?: number | null;
  readonly stream?: string;
}

const runColumns = `id, integration_id as "integrationId", state, mode, control, progress, summary,
  requested_by as "requestedBy", queued_at as "queuedAt", started_at as "startedAt", finished_at as "finishedAt"`;

export const activeStates: readonly RunState[] = ['queued', 'running', 'paused'];

/**
 * Queues a run of an integration, or returns the active one (`created: false`) when a run is
 * already queued, running or paused.
 */
export async function requestSync(
  db: Db,
  tenantId: string,
  integrationId: number,
  options: { mode: SyncMode; requestedBy: string },
): Promise<{ run: SyncRun; created: boolean }> {
  return withTenant(db, tenantId, async (tx) => {
    const inserted = await tx.query<{ id: number }>(
      `insert into sync_runs (tenant_id, integration_id, mode, requested_by) values ($1, $2, $3, $4)
       on conflict (tenant_id, integration_id) where state in ('queued', 'running', 'paused') do nothing
       returning id`,
      [tenantId, integrationId, options.mode, options.requestedBy],
    );
    const active = await tx.query<SyncRun>(
      `select ${runColumns} from sync_runs where integration_id = $1 and state in ('queued', 'running', 'paused')`,
      [integrationId],
    );
    return { run: active.rows[0]!, created: inserted.rowCount === 1 };
  });
}

export async function getRun(tx: Tx, runId: number): Promise<SyncRun> {
  const result = await tx.query<SyncRun>(`select ${runColumns} from sync_runs where id = $1`, [runId]);
  const run = result.rows[0];
  if (run === undefined)
    throw new PulseError('SYNC_RUN_NOT_FOUND', {
      message: `There is no sync run ${runId}.`,
      hint: 'List recent runs with: pulse sync status',
    });
  return run;
}

export async function listRuns(
  db: Db,
  tenantId: string,
  options: { integrationId?: number; limit?: number } = {},
): Promise<SyncRun[]> {
  return withTenant(db, tenantId, async (tx) => {
    const result = await tx.query<SyncRun>(
      `select ${runColumns} from sync_runs where ($1::bigint is null or integration_id = $1)
       order by queued_at desc, id desc limit $2`,
      [options.integrationId ?? null, options.limit ?? 20],
    );
    return result.rows;
  });
}

export type RunCommand = 'pause' | 'resume' | 'cancel';

/**
 * Pauses, resumes or cancels a run. A queued or paused run changes at once; a running one gets a
 * request its worker honours after the page in progress. Returns the run as it is now; `requeue`
 * is true when the caller must hand the run to the queue again (resume).
 */
export async function controlRun(
  db: Db,
  tenantId: string,
  runId: number,
  command: RunCommand,
): Promise<{ run: SyncRun; requeue: boolean }> {
  return withTenant(db, tenantId, async (tx) => {
    const run = await getRun(tx, runId);
    const next = transition(run.state, command);
    if (next === undefined) throw invalidTransition(run, command);
    if (next.state !== undefined)
      await tx.query(
        `update sync_runs set state = $2, control = null,
           finished_at = case when $2 = 'cancelled' then now() else finished_at end where id = $1`,
        [runId, next.state],
      );
    else await tx.query('update sync_runs set control = $2 where id = $1', [runId, next.control]);
    if (next.state === 'cancelled')
      await tx.query(
        "update sync_partitions set state = 'skipped' where sync_run_id = $1 and state in ('queued', 'running')",
        [runId],
      );
    return { run: await getRun(tx, runId), requeue: command === 'resume' };
  });
}

function transition(
  state: RunState,
  command: RunCommand,
): { state?: RunState; control?: 'pause' | 'cancel' } | undefined {
  if (command === 'pause')
    return state === 'running' ? { control: 'pause' } : state === 'queued' ? { state: 'paused' } : undefined;
  if (command === 'cancel')
    return state === 'running'
      ? { control: 'cancel' }
      : state === 'queued' || state === 'paused'
        ? { state: 'cancelled' }
        : undefined;
  return state === 'paused' ? { state: 'queued' } : undefined;
}

function invalidTransition(run: SyncRun, command: RunCommand): PulseError {
  const code: ErrorCode = 'SYNC_RUN_STATE_INVALID';
  return new PulseError(code, {
    message: `Run ${run.id} is ${run.state}; it cannot be ${command === 'resume' ? 'resumed' : command === 'pause' ? 'paused' : 'cancelled'}.`,
  });
}
