/**
 * Device tokens from past logins, one per e-mail, kept in localStorage (they outlive a logout on
 * purpose). Sent with the next login of that e-mail, a token lets this browser past the throttle
 * that failed logins from elsewhere put on the account.
 */
const key = 'pulse.devices';

function readAll(): Record<string, string> {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(key) ?? '{}');
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, string>) : {};
  } catch {
    return {};
  }
}

const normalise = (email: string) => email.trim().toLowerCase();

export const deviceTokens = {
  get: (email: string): string | undefined => readAll()[normalise(email)],
  set(email: string, token: string): void {
    localStorage.setItem(key, JSON.stringify({ ...readAll(), [normalise(email)]: token }));
  },
};
