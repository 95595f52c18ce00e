import { apiFetch } from '../../../lib/api/api-fetch.ts';
import type { ConnectionCheck, Integration, IntegrationChange, NewIntegration } from './integration.ts';
import type { SyncRun } from './sync-run.ts';

/** PATCH /integrations/:id/mappings: only the statuses and types to change. */
export interface MappingChanges {
  readonly statuses?: readonly {
    source: string;
    category: Mappings['statuses'][number]['category'] | null;
  }[];
  readonly types?: readonly { source: string; kind: Mappings['types'][number]['kind'] | null }[];
}

/** Mappings in force: `origin` says whether a user set it or the connector's default applies. */
export interface Mappings {
  readonly statuses: readonly {
    source: string;
    category: 'todo' | 'in_progress' | 'waiting' | 'done';
    origin?: 'default' | 'set';
    items?: number;
  }[];
  readonly types: readonly {
    source: string;
    kind: 'feature' | 'defect' | 'risk' | 'debt' | 'incident';
    origin?: 'default' | 'set';
    items?: number;
  }[];
}

/** The integration and sync-run endpoints (docs/api.md). */
export const integrationsApi = {
  list: (signal?: AbortSignal) => apiFetch<{ items: Integration[] }>('/integrations', { signal }),
  create: (body: NewIntegration) => apiFetch<Integration>('/integrations', { method: 'POST', body }),
  update: (id: number, body: IntegrationChange) =>
    apiFetch<Integration>(`/integrations/${id}`, { method: 'PATCH', body }),
  remove: (id: number) => apiFetch<void>(`/integrations/${id}`, { method: 'DELETE' }),
  test: (id: number) => apiFetch<ConnectionCheck>(`/integrations/${id}/test`, { method: 'POST' }),
  sync: (id: number, full = false) =>
    apiFetch<{ run: SyncRun; created: boolean }>(`/integrations/${id}/sync`, {
      method: 'POST',
      body: { full },
    }),
  runs: (integrationId: number, signal?: AbortSignal) =>
    apiFetch<{ items: SyncRun[] }>(`/sync-runs?integration=${integrationId}&limit=10`, { signal }),
  run: (id: number, signal?: AbortSignal) => apiFetch<SyncRun>(`/sync-runs/${id}`, { signal }),
  control: (id: number, command: 'pause' | 'resume' | 'cancel') =>
    apiFetch<SyncRun>(`/sync-runs/${id}/${command}`, { method: 'POST' }),
  mappings: (id: number, signal?: AbortSignal) =>
    apiFetch<Mappings>(`/integrations/${id}/mappings`, { signal }),
  /** Sets the given mappings (null: back to the connector's default); stored data follows at once. */
  saveMappings: (id: number, changes: MappingChanges) =>
    apiFetch<{ mappings: Mappings; remapped: number }>(`/integrations/${id}/mappings`, {
      method: 'PATCH',
      body: changes,
    }),
};
