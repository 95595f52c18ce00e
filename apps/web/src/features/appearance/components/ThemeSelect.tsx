import type { ThemePreference } from '../../auth/api/me.ts';
import { useTheme } from '../hooks/use-theme.ts';

/** System / light / dark, remembered per user. */
export function ThemeSelect() {
  const { preference, setPreference } = useTheme();
  return (
    <label className="theme-select">
      <span className="visually-hidden">Theme</span>
      <select
        aria-label="Theme"
        value={preference}
        onChange={(e) => setPreference(e.target.value as ThemePreference)}
      >
        <option value="system">System</option>
        <option value="light">Light</option>
        <option value="dark">Dark</option>
      </select>
    </label>
  );
}
