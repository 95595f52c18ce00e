import type { ResponseOf } from '../../../lib/api/api-types.ts';

/** An item of GET /integrations (credentials never come back: only `hasSecrets`). */
export type Integration = ResponseOf<'/integrations'>['items'][number];

/** PATCH /integrations/:id: what an admin may change. */
export interface IntegrationChange {
  readonly config?: unknown;
  readonly secrets?: Record<string, string>;
  readonly syncIntervalMinutes?: number;
  readonly enabled?: boolean;
}

export interface NewIntegration {
  readonly kind: 'github' | 'git' | 'jira';
  readonly name: string;
  readonly config: Record<string, unknown>;
  readonly secrets?: Record<string, string>;
  readonly syncIntervalMinutes?: number;
}

export type ConnectionCheck =
  | { readonly ok: true; readonly detail?: string }
  | { readonly ok: false; readonly code: string; readonly message: string; readonly hint: string };
