/**
 * Renders the reference documents that are generated from code: docs/errors.md from the error
 * registry and the settings table of docs/configuration.md. Tests compare the files with these
 * renderings, so documentation cannot drift from behaviour.
 */
import { errorRegistry, type ErrorSpec } from './errors.ts';
import { settings, type Setting } from './config.ts';

export function renderErrorsDoc(): string {
  const rows = (Object.entries(errorRegistry) as [string, ErrorSpec][]).map(
    ([code, spec]) =>
      `| \`${code}\` | ${spec.status} | ${escapeCell(spec.message)} | ${escapeCell(spec.hint)} |`,
  );
  return [
    '# Error codes',
    '',
    'Every error Pulse reports carries a stable code. The CLI prints `Error CODE: message` and a',
    '`Hint:` line; the API answers `{ "error": { "code", "message", "hint" } }` with the HTTP status',
    'below. Messages often add specifics (which setting, which table); the code never changes, so',
    'scripts and alerts should match on it.',
    '',
    'CLI exit codes: `0` success, `1` the operation failed, `2` Pulse could not start (configuration,',
    'database, secret key, migrations).',
    '',
    'This file is generated from `packages/core/src/errors.ts` by `npm run docs:generate`; a test fails',
    'when the two differ.',
    '',
    '| Code | HTTP | Meaning | What to do |',
    '| --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}

export const settingsTableStart = '<!-- settings:start (generated from packages/core/src/config.ts) -->';
export const settingsTableEnd = '<!-- settings:end -->';

export function renderSettingsTable(): string {
  const rows = (Object.entries(settings) as [string, Setting<unknown>][]).map(
    ([name, setting]) =>
      `| \`${name}\` | ${setting.default === undefined ? '—' : `\`${setting.default}\``} | ${escapeCell(setting.description)} | \`${escapeCell(setting.example)}\` |`,
  );
  return [
    settingsTableStart,
    '| Setting | Default | Meaning | Example |',
    '| --- | --- | --- | --- |',
    ...rows,
    settingsTableEnd,
  ].join('\n');
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|');
}
