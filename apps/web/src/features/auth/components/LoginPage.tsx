import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ApiError } from '../../../lib/api/api-error.ts';
import { login } from '../api/login.ts';
import { useSession } from '../hooks/use-session.ts';

/** E-mail, password and (for accounts in several organisations) the tenant. */
export function LoginPage() {
  const session = useSession();
  const location = useLocation();
  const queryClient = useQueryClient();
  const [error, setError] = useState<ApiError | Error | null>(null);
  const [busy, setBusy] = useState(false);
  const next = (location.state as { from?: string } | null)?.from ?? '/dora';
  if (session !== null) return <Navigate to={next} replace />;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const tenant = String(form.get('tenant') ?? '').trim();
    setBusy(true);
    setError(null);
    try {
      queryClient.clear();
      await login({
        email: String(form.get('email') ?? '').trim(),
        password: String(form.get('password') ?? ''),
        ...(tenant === '' ? {} : { tenant }),
      });
    } catch (e) {
      setError(e instanceof Error ? e : new Error(String(e)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="login">
      <form className="card login-form" onSubmit={(e) => void submit(e)} aria-labelledby="login-title">
        <h1 id="login-title" className="brand-title">
          <img src="/favicon.svg" alt="" width="28" height="28" /> Pulse
        </h1>
        <p className="muted">Log in to your organisation&apos;s dashboard.</p>
        <label>
          E-mail
          <input name="email" type="email" autoComplete="username" required autoFocus />
        </label>
        <label>
          Password
          <input name="password" type="password" autoComplete="current-password" required />
        </label>
        <label>
          Organisation <span className="muted">(optional)</span>
          <input name="tenant" type="text" autoComplete="organization" placeholder="e.g. demo" />
        </label>
        {error !== null && (
          <div role="alert" className="error-box">
            <strong>{error.message}</strong>
            {error instanceof ApiError && error.hint !== undefined && <p>{error.hint}</p>}
          </div>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Logging in…' : 'Log in'}
        </button>
      </form>
    </main>
  );
}
