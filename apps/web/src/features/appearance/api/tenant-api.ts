import { apiFetch } from '../../../lib/api/api-fetch.ts';
import type { Branding } from '../../auth/api/me.ts';

export interface Tenant {
  readonly id: string;
  readonly slug: string;
  readonly name: string;
  readonly branding: Branding;
}

/** GET /tenant and PATCH /tenant (admin): name and branding. */
export const tenantApi = {
  get: (signal?: AbortSignal) => apiFetch<Tenant>('/tenant', { signal }),
  update: (body: { name?: string; branding?: Partial<Branding> }) =>
    apiFetch<Tenant>('/tenant', { method: 'PATCH', body }),
};
