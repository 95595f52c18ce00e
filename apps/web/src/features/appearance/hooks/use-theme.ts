import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { Me, ThemePreference } from '../../auth/api/me.ts';
import { useMe } from '../../auth/hooks/use-me.ts';
import { saveTheme } from '../api/save-theme.ts';
import { resolveTheme } from '../lib/resolve-theme.ts';

const storageKey = 'pulse.theme';
const media = () => window.matchMedia('(prefers-color-scheme: dark)');

function subscribeSystem(listener: () => void): () => void {
  const query = media();
  query.addEventListener('change', listener);
  return () => query.removeEventListener('change', listener);
}

function storedTheme(): ThemePreference {
  const value = localStorage.getItem(storageKey);
  return value === 'light' || value === 'dark' ? value : 'system';
}

/**
 * The theme preference (system / light / dark) and its setter. The user's saved preference (GET
 * /me) wins; localStorage keeps it for the first paint (index.html reads it) and for servers
 * that cannot store preferences. The resolved theme goes on <html data-theme>.
 */
export function useTheme(): {
  preference: ThemePreference;
  theme: 'light' | 'dark';
  setPreference: (theme: ThemePreference) => void;
  saveError: Error | null;
} {
  const me = useMe();
  const queryClient = useQueryClient();
  const [local, setLocal] = useState<ThemePreference>(storedTheme);
  const preference = me.data?.preferences?.theme ?? local;
  const systemDark = useSyncExternalStore(subscribeSystem, () => media().matches);
  const theme = resolveTheme(preference, systemDark);
  const { mutate: save, error: saveError } = useMutation({
    mutationFn: saveTheme,
    onSuccess: (saved) =>
      queryClient.setQueryData<Me>(['me'], (old) =>
        old === undefined ? old : { ...old, preferences: saved },
      ),
  });

  /** Puts a choice into the cached GET /me answer, so every reader of it shows it at once. */
  const showChoice = useCallback(
    (next: ThemePreference) =>
      queryClient.setQueryData<Me>(['me'], (old) =>
        old === undefined ? old : { ...old, preferences: { theme: next } },
      ),
    [queryClient],
  );

  // A choice made before GET /me answered is saved once it does, instead of being overwritten by
  // the stored preference the answer carries.
  const unsaved = useRef<ThemePreference | null>(null);
  const kind = me.data?.kind;
  useEffect(() => {
    const next = unsaved.current;
    if (next === null || kind === undefined) return;
    unsaved.current = null;
    showChoice(next);
    if (kind === 'user') save(next);
  }, [kind, showChoice, save]);

  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    localStorage.setItem(storageKey, preference);
  }, [theme, preference]);

  const setPreference = useCallback(
    (next: ThemePreference) => {
      setLocal(next);
      showChoice(next);
      if (kind === undefined) unsaved.current = next;
      else if (kind === 'user') save(next);
    },
    [kind, showChoice, save],
  );
  return { preference, theme, setPreference, saveError };
}
