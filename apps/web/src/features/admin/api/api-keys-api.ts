import { apiFetch } from '../../../lib/api/api-fetch.ts';
import type { BodyOf, ResponseOf } from '../../../lib/api/api-types.ts';

/** An API key as GET /api-keys lists it (never the secret). */
export type ApiKey = ResponseOf<'/api-keys'>['items'][number];
export type Scope = ApiKey['scopes'][number];
/** The answer to POST /api-keys: the key itself, shown once. */
export type CreatedApiKey = ResponseOf<'/api-keys', 'post'>;

/** GET/POST /api-keys, DELETE /api-keys/:id (admin). */
export const apiKeysApi = {
  list: (signal?: AbortSignal) => apiFetch<ResponseOf<'/api-keys'>>('/api-keys', { signal }),
  create: (body: BodyOf<'/api-keys', 'post'>) =>
    apiFetch<CreatedApiKey>('/api-keys', { method: 'POST', body }),
  revoke: (id: string) => apiFetch<void>(`/api-keys/${id}`, { method: 'DELETE' }),
};
