import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { ErrorBox } from '../../../app/ErrorBox.tsx';
import { formatDate } from '../../../lib/format/format-date.ts';
import { integrationsApi } from '../api/integrations-api.ts';
import { activeRunStates, runStateLabel } from '../api/sync-run.ts';
import { MappingsEditor } from './MappingsEditor.tsx';
import { ScheduleEditor } from './ScheduleEditor.tsx';
import { SyncProgress } from './SyncProgress.tsx';

/** One integration: test the connection, sync now, watch runs, schedule, mappings, remove. */
export function IntegrationPage() {
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const list = useQuery({
    queryKey: ['integrations'],
    queryFn: ({ signal }) => integrationsApi.list(signal),
  });
  const runs = useQuery({
    queryKey: ['sync-runs', id],
    queryFn: ({ signal }) => integrationsApi.runs(id, signal),
  });
  const [watched, setWatched] = useState<number | null>(null);
  const test = useMutation({ mutationFn: () => integrationsApi.test(id) });
  const sync = useMutation({
    mutationFn: () => integrationsApi.sync(id),
    onSuccess: ({ run }) => {
      queryClient.setQueryData(['sync-run', run.id], run);
      setWatched(run.id);
      void queryClient.invalidateQueries({ queryKey: ['sync-runs', id] });
    },
  });
  const remove = useMutation({
    mutationFn: () => integrationsApi.remove(id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['integrations'] });
      void navigate('/admin/integrations');
    },
  });
  const integration = list.data?.items.find((i) => i.id === id);
  if (list.error !== null) return <ErrorBox error={list.error} />;
  if (list.data === undefined) return <p className="muted">Loading…</p>;
  if (integration === undefined)
    return <p className="card">There is no integration {id} in this organisation.</p>;
  const active = runs.data?.items.find((r) => activeRunStates.includes(r.state));
  const current = watched ?? active?.id ?? null;
  return (
    <>
      <div className="page-head">
        <h1>
          {integration.name} <span className="muted">({integration.kind})</span>
        </h1>
        <pre className="config">{JSON.stringify(integration.config, null, 2)}</pre>
      </div>
      <div className="button-row">
        <button type="button" onClick={() => test.mutate()} disabled={test.isPending}>
          {test.isPending ? 'Testing…' : 'Test connection'}
        </button>
        <button type="button" className="primary" onClick={() => sync.mutate()} disabled={sync.isPending}>
          Sync now
        </button>
        <button
          type="button"
          className="danger"
          onClick={() => {
            if (window.confirm(`Remove ${integration.name} and its sync history? Synced data stays.`))
              remove.mutate();
          }}
        >
          Remove
        </button>
      </div>
      {test.data !== undefined && (
        <div role="status" className={test.data.ok ? 'ok-box' : 'error-box'} data-testid="connection-result">
          {test.data.ok ? (
            <strong>Connection works{test.data.detail === undefined ? '.' : `: ${test.data.detail}`}</strong>
          ) : (
            <>
              <strong>{test.data.message}</strong> <code>{test.data.code}</code>
              <p>{test.data.hint}</p>
            </>
          )}
        </div>
      )}
      {[test.error, sync.error, remove.error].map((e, i) => e !== null && <ErrorBox key={i} error={e} />)}
      {current !== null && <SyncProgress runId={current} canControl />}
      <section className="card" aria-labelledby="recent-runs">
        <h2 id="recent-runs">Recent runs</h2>
        {runs.data?.items.length === 0 && <p className="muted">Never synced.</p>}
        <ul className="plain">
          {runs.data?.items.map((r) => (
            <li key={r.id}>
              <button type="button" className="link" onClick={() => setWatched(r.id)}>
                Run {r.id}
              </button>{' '}
              <span className={`state state-${r.state}`}>{runStateLabel(r.state)}</span> · queued{' '}
              {formatDate(r.queuedAt)} · {r.progress.records ?? 0} records
            </li>
          ))}
        </ul>
      </section>
      <ScheduleEditor integration={integration} />
      {integration.kind === 'jira' && <MappingsEditor integrationId={id} />}
    </>
  );
}
