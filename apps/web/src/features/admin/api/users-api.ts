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

/** The answer of POST /users: an invitation, whether or not the e-mail has an account. */
export interface Invited {
  readonly invitation: {
    readonly id: string;
    readonly email: string;
    readonly role: Role;
    readonly createdAt: string;
    readonly expiresAt: string;
  };
  /** One-time code that creates the account of an e-mail without one (POST /invitations/redeem). */
  readonly code: string;
}

/** GET/POST /users, PATCH/DELETE /users/:id (admin). */
export const usersApi = {
  list: (signal?: AbortSignal) => apiFetch<ListPage<TenantUser>>('/users', { signal }),
  invite: (body: { email: string; role: Role }) => apiFetch<Invited>('/users', { method: 'POST', body }),
  setRole: (id: string, role: Role) =>
    apiFetch<TenantUser>(`/users/${id}`, { method: 'PATCH', body: { role } }),
  remove: (id: string) => apiFetch<void>(`/users/${id}`, { method: 'DELETE' }),
};
