import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ErrorBox } from '../../../app/ErrorBox.tsx';
import { formatDuration } from '../../../lib/format/format-duration.ts';
import type { Integration } from '../api/integration.ts';
import { integrationsApi } from '../api/integrations-api.ts';

const presets = [
  { label: 'Every 15 minutes', minutes: 15 },
  { label: 'Hourly', minutes: 60 },
  { label: 'Every 6 hours', minutes: 360 },
  { label: 'Daily', minutes: 1440 },
] as const;

/** How often the integration syncs by itself, and whether scheduled syncs are on at all. */
export function ScheduleEditor({ integration }: { readonly integration: Integration }) {
  const queryClient = useQueryClient();
  const current = Math.round(integration.syncIntervalSeconds / 60);
  const isPreset = presets.some((p) => p.minutes === current);
  const [choice, setChoice] = useState(isPreset ? String(current) : 'custom');
  const [customMinutes, setCustomMinutes] = useState(String(current));
  const [enabled, setEnabled] = useState(integration.enabled);
  const [invalid, setInvalid] = useState(false);
  const save = useMutation({
    mutationFn: (body: { syncIntervalMinutes: number; enabled: boolean }) =>
      integrationsApi.update(integration.id, body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['integrations'] }),
  });
  const custom = choice === 'custom';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = Number(custom ? customMinutes : choice);
    const ok = Number.isInteger(value) && value >= 1 && value <= 43_200;
    setInvalid(!ok);
    if (ok) save.mutate({ syncIntervalMinutes: value, enabled });
  };
  return (
    <section className="card" aria-labelledby="schedule">
      <h2 id="schedule">Schedule</h2>
      <p className="muted">
        {integration.enabled
          ? `Syncs by itself every ${formatDuration(integration.syncIntervalSeconds)}.`
          : 'Scheduled syncs are off: it syncs only when asked.'}
      </p>
      <form className="inline-form" onSubmit={submit}>
        <label className="checkbox">
          <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} /> Sync on a
          schedule
        </label>
        <label>
          Interval
          <select aria-label="Sync interval" value={choice} onChange={(e) => setChoice(e.target.value)}>
            {presets.map((p) => (
              <option key={p.minutes} value={String(p.minutes)}>
                {p.label}
              </option>
            ))}
            <option value="custom">Other (minutes)</option>
          </select>
        </label>
        {custom && (
          <label>
            Minutes
            <input
              type="number"
              min={1}
              max={43_200}
              value={customMinutes}
              aria-invalid={invalid || undefined}
              onChange={(e) => setCustomMinutes(e.target.value)}
            />
          </label>
        )}
        <button type="submit" disabled={save.isPending}>
          Save schedule
        </button>
      </form>
      {invalid && <p className="field-error">A whole number of minutes from 1 to 43200 (30 days).</p>}
      {save.isSuccess && <p role="status">Schedule saved.</p>}
      {save.error !== null && <ErrorBox error={save.error} title="Schedule not saved" />}
    </section>
  );
}
