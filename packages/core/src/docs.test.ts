import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderErrorsDoc, renderSettingsTable } from './docs.ts';
import { errorRegistry } from './errors.ts';
import { settings } from './config.ts';

const doc = (name: string) => readFileSync(new URL(`../../../docs/${name}`, import.meta.url), 'utf8');

describe('generated reference docs are in step with the code (npm run docs:generate)', () => {
  it('docs/errors.md lists every registered error code as the registry says', () => {
    const errors = doc('errors.md');
    expect(errors).toBe(renderErrorsDoc());
    for (const code of Object.keys(errorRegistry)) expect(errors).toContain(`| \`${code}\` |`);
  });

  it('docs/configuration.md holds the current settings table', () => {
    const configuration = doc('configuration.md');
    expect(configuration).toContain(renderSettingsTable());
    for (const name of Object.keys(settings)) expect(configuration).toContain(`| \`${name}\` |`);
  });
});
