import { apiFetch } from '../../../lib/api/api-fetch.ts';
import type { ListPage } from '../../../lib/api/list-page.ts';
import type { Role } from '../../auth/api/me.ts';

export interface TenantUser {
  readonly id: string;
  readonly email: string;
  readonly displayName: string | null;
  readonly role: Role;
  readonly createdAt: string;
}

/** GET/POST /users, PATCH/DELETE /users/:id (admin). */
export const usersApi = {
  list: (signal?: AbortSignal) => apiFetch<ListPage<TenantUser>>('/users', { signal }),
  create: (body: { email: string; displayName?: string; role: Role; password?: string }) =>
    apiFetch<TenantUser & { created: boolean; initialPassword?: string }>('/users', { method: 'POST', body }),
  setRole: (id: string, role: Role) =>
    apiFetch<TenantUser>(`/users/${id}`, { method: 'PATCH', body: { role } }),
  remove: (id: string) => apiFetch<void>(`/users/${id}`, { method: 'DELETE' }),
};
