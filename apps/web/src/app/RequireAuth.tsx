import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useSession } from '../features/auth/hooks/use-session.ts';

/** Sends a visitor without a session to the login page, remembering where they were going. */
export function RequireAuth({ children }: { readonly children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (session === null)
    return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return children;
}
