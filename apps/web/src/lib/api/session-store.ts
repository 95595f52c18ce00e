/**
 * The login session, kept in localStorage so a reload or a new tab stays logged in. The access
 * token lives 15 minutes; the refresh token works once (the API rotates it on every refresh).
 * Other tabs learn about changes through the `storage` event.
 */
export interface Session {
  readonly accessToken: string;
  readonly refreshToken: string;
  /** Epoch ms when the access token expires. */
  readonly expiresAt: number;
  readonly tenant: { readonly id: string; readonly slug: string };
}

const key = 'pulse.session';
const listeners = new Set<() => void>();
let cached: { raw: string | null; session: Session | null } = { raw: null, session: null };

function read(): Session | null {
  const raw = localStorage.getItem(key);
  if (raw !== cached.raw) {
    let session: Session | null = null;
    try {
      session = raw === null ? null : (JSON.parse(raw) as Session);
    } catch {
      session = null;
    }
    cached = { raw, session };
  }
  return cached.session;
}

export const sessionStore = {
  get: read,
  set(session: Session | null): void {
    if (session === null) localStorage.removeItem(key);
    else localStorage.setItem(key, JSON.stringify(session));
    for (const listener of listeners) listener();
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    const onStorage = (event: StorageEvent) => {
      if (event.key === key) listener();
    };
    window.addEventListener('storage', onStorage);
    return () => {
      listeners.delete(listener);
      window.removeEventListener('storage', onStorage);
    };
  },
};
