import { apiFetch } from '../../../lib/api/api-fetch.ts';

export type Scope = 'read' | 'write' | 'admin';

export interface ApiKey {
  readonly id: string;
  readonly name: string;
  readonly prefix: string;
  readonly scopes: readonly Scope[];
  readonly createdAt: string;
  readonly lastUsedAt: string | null;
  readonly expiresAt: string | null;
  readonly revokedAt: string | null;
  /** Who made the key (email null once they left the tenant); null for a key made by a `pulse` command. */
  readonly owner: { readonly id: string; readonly email: string | null } | null;
}

/** GET/POST /api-keys, DELETE /api-keys/:id (admin). */
export const apiKeysApi = {
  list: (signal?: AbortSignal) => apiFetch<{ items: ApiKey[] }>('/api-keys', { signal }),
  create: (body: { name: string; scopes: Scope[]; expiresAt?: string }) =>
    apiFetch<{ id: string; name: string; prefix: string; scopes: Scope[]; key: string }>('/api-keys', {
      method: 'POST',
      body,
    }),
  revoke: (id: string) => apiFetch<void>(`/api-keys/${id}`, { method: 'DELETE' }),
};
