import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ErrorBox } from '../../../app/ErrorBox.tsx';
import { formatDuration } from '../../../lib/format/format-duration.ts';
import { formatNumber } from '../../../lib/format/format-number.ts';
import { integrationsApi } from '../api/integrations-api.ts';
import { activeRunStates, runStateLabel } from '../api/sync-run.ts';
import { useStreamStatus } from '../hooks/use-stream-status.ts';
import { useSyncRun } from '../hooks/use-sync-run.ts';
import { runPercent } from '../lib/run-progress.ts';

/** A run's live progress: bar, records, requests, rate-limit waits, ETA, failed partitions, controls. */
export function SyncProgress({
  runId,
  canControl,
}: {
  readonly runId: number;
  readonly canControl: boolean;
}) {
  const run = useSyncRun(runId);
  const live = useStreamStatus() === 'live';
  const queryClient = useQueryClient();
  const control = useMutation({
    mutationFn: (command: 'pause' | 'resume' | 'cancel') => integrationsApi.control(runId, command),
    onSuccess: (updated) => {
      queryClient.setQueryData(['sync-run', runId], updated);
      void queryClient.invalidateQueries({ queryKey: ['sync-runs'] });
    },
  });
  if (run.error !== null) return <ErrorBox error={run.error} />;
  if (run.data === undefined) return <p className="muted">Loading run {runId}…</p>;
  const r = run.data;
  const p = r.progress;
  const percent = runPercent(r);
  const active = activeRunStates.includes(r.state);
  const failed = r.summary?.failedPartitions ?? [];
  return (
    <section
      className="card sync-progress"
      aria-labelledby={`run-${runId}`}
      data-state={r.state}
      data-run={runId}
    >
      <h3 id={`run-${runId}`}>
        Run {runId}: <span className={`state state-${r.state}`}>{runStateLabel(r.state)}</span>{' '}
        <span className="muted small">{active ? (live ? '(live)' : '(refreshing every second)') : ''}</span>
      </h3>
      <div
        className="progress"
        role="progressbar"
        aria-label={`Progress of run ${runId}`}
        aria-valuemin={0}
        aria-valuemax={100}
        {...(percent === null ? {} : { 'aria-valuenow': percent })}
        aria-valuetext={percent === null ? 'starting' : `${percent} %`}
      >
        <div className="progress-fill" style={{ width: `${percent ?? 0}%` }} />
      </div>
      <dl className="run-figures">
        <div>
          <dt>Partitions</dt>
          <dd>
            {formatNumber(p.partitionsDone ?? 0)} / {formatNumber(p.partitionsTotal ?? 0)}
            {(p.partitionsFailed ?? 0) > 0 && ` (${formatNumber(p.partitionsFailed)} failed)`}
          </dd>
        </div>
        <div>
          <dt>Records</dt>
          <dd data-testid="run-records">{formatNumber(p.records ?? 0)}</dd>
        </div>
        <div>
          <dt>Requests</dt>
          <dd>{formatNumber(p.requests ?? 0)}</dd>
        </div>
        <div>
          <dt>Rate-limit waits</dt>
          <dd>
            {formatNumber(p.rateLimitWaits ?? 0)}
            {(p.rateLimitWaitMs ?? 0) > 0 && ` (${formatDuration((p.rateLimitWaitMs ?? 0) / 1000)})`}
          </dd>
        </div>
        <div>
          <dt>Time left</dt>
          <dd>{active && p.etaSeconds != null ? `about ${formatDuration(p.etaSeconds)}` : '—'}</dd>
        </div>
        {p.stream !== undefined && p.stream !== '' && active && (
          <div>
            <dt>Reading</dt>
            <dd>{p.stream}</dd>
          </div>
        )}
      </dl>
      {failed.length > 0 && (
        <div className="error-box" role="status">
          <strong>Failed partitions</strong>
          <ul>
            {failed.map((f) => (
              <li key={`${f.stream}/${f.partition}`}>
                {f.stream} · {f.partition}: {describeError(f.error)}
              </li>
            ))}
          </ul>
        </div>
      )}
      {canControl && active && (
        <div className="button-row">
          {r.state === 'paused' ? (
            <button type="button" onClick={() => control.mutate('resume')} disabled={control.isPending}>
              Resume
            </button>
          ) : (
            <button type="button" onClick={() => control.mutate('pause')} disabled={control.isPending}>
              Pause
            </button>
          )}
          <button
            type="button"
            className="danger"
            onClick={() => control.mutate('cancel')}
            disabled={control.isPending}
          >
            Cancel
          </button>
        </div>
      )}
      {control.error !== null && <ErrorBox error={control.error} />}
    </section>
  );
}

function describeError(error: unknown): string {
  if (typeof error === 'string') return error;
  const e = error as { code?: string; message?: string; hint?: string } | null;
  if (e === null || typeof e !== 'object') return 'failed';
  return [e.code, e.message, e.hint].filter(Boolean).join(' — ');
}
