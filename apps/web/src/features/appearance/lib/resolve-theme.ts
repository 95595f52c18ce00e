import type { ThemePreference } from '../../auth/api/me.ts';

/** The theme to draw: the preference, or for 'system' the operating system's choice. */
export function resolveTheme(preference: ThemePreference, systemDark: boolean): 'light' | 'dark' {
  if (preference === 'system') return systemDark ? 'dark' : 'light';
  return preference;
}
