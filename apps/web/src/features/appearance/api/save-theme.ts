import { apiFetch } from '../../../lib/api/api-fetch.ts';
import type { ThemePreference } from '../../auth/api/me.ts';

/** Remembers the theme for the user on the server (PATCH /me/preferences). */
export function saveTheme(theme: ThemePreference): Promise<{ theme: ThemePreference }> {
  return apiFetch('/me/preferences', { method: 'PATCH', body: { theme } });
}
