import { apiFetch } from '../../../lib/api/api-fetch.ts';
import type { Role } from './me.ts';

export interface PendingInvitation {
  readonly id: string;
  readonly role: Role;
  readonly expiresAt: string;
  readonly tenant: { readonly id: string; readonly slug: string; readonly name: string };
}

/** GET /invitations and POST /invitations/:id/accept: the caller's own invitations. */
export const invitationsApi = {
  pending: (signal?: AbortSignal) => apiFetch<{ items: PendingInvitation[] }>('/invitations', { signal }),
  accept: (id: string) =>
    apiFetch<{ tenant: { slug: string }; role: Role }>(`/invitations/${id}/accept`, { method: 'POST' }),
};
