import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorBox } from '../../../app/ErrorBox.tsx';
import { formatDuration } from '../../../lib/format/format-duration.ts';
import type { Integration } from '../api/integration.ts';
import { integrationsApi } from '../api/integrations-api.ts';

/** When the integration syncs by itself: hourly, daily, a cron expression, or never. */
export function ScheduleEditor({ integration }: { readonly integration: Integration }) {
  const queryClient = useQueryClient();
  // Servers without schedules only have an interval: show the matching choice, if any.
  const interval = integration.syncIntervalSeconds;
  const initial =
    integration.schedule === undefined
      ? interval === 3600
        ? 'hourly'
        : interval === 86_400
          ? 'daily'
          : ''
      : (integration.schedule ?? '');
  const [choice, setChoice] = useState(
    initial === '' || initial === 'hourly' || initial === 'daily' ? initial : 'cron',
  );
  const [cron, setCron] = useState(choice === 'cron' ? initial : '0 3 * * *');
  const save = useMutation({
    mutationFn: () =>
      integrationsApi.update(integration.id, {
        schedule: choice === '' ? null : choice === 'cron' ? cron.trim() : choice,
      }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['integrations'] }),
  });
  return (
    <section className="card" aria-labelledby="schedule">
      <h2 id="schedule">Schedule</h2>
      <p className="muted">
        {integration.schedule === undefined
          ? `Syncs every ${formatDuration(integration.syncIntervalSeconds)}.`
          : `Current schedule: ${integration.schedule ?? 'none (manual only)'}.`}
      </p>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <label>
          Sync
          <select aria-label="Sync schedule" value={choice} onChange={(e) => setChoice(e.target.value)}>
            <option value="">Only when asked</option>
            <option value="hourly">Hourly</option>
            <option value="daily">Daily</option>
            <option value="cron">Cron expression</option>
          </select>
        </label>
        {choice === 'cron' && (
          <label>
            Cron (UTC)
            <input value={cron} onChange={(e) => setCron(e.target.value)} pattern="^\S+( \S+){4}$" required />
          </label>
        )}
        <button type="submit" disabled={save.isPending}>
          Save schedule
        </button>
      </form>
      {save.isSuccess && <p role="status">Schedule saved.</p>}
      {save.error !== null && <ErrorBox error={save.error} title="Schedule not saved" />}
    </section>
  );
}
