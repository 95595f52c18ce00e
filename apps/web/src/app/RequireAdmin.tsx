import type { ReactNode } from 'react';
import { useMe } from '../features/auth/hooks/use-me.ts';

/**
 * Admin pages render only for the admin role. The API enforces roles on every call; this keeps
 * viewers and members from seeing admin screens at all.
 */
export function RequireAdmin({ children }: { readonly children: ReactNode }) {
  const me = useMe();
  if (me.data === undefined) return <p className="muted">Loading…</p>;
  if (me.data.role !== 'admin')
    return (
      <section className="card" role="alert">
        <h1>Administrators only</h1>
        <p>
          This page is for administrators of {me.data.tenant.name}. Your role is {me.data.role}.
        </p>
      </section>
    );
  return children;
}
