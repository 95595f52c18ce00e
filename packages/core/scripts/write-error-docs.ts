/**
 * Regenerates docs/errors.md and the settings table in docs/configuration.md from the code.
 * Run after changing the error registry or a setting: npm run docs:generate
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderErrorsDoc, renderSettingsTable, settingsTableEnd, settingsTableStart } from '@pulse/core';

const docs = (name: string) => fileURLToPath(new URL(`../../../docs/${name}`, import.meta.url));

writeFileSync(docs('errors.md'), renderErrorsDoc());
const configuration = readFileSync(docs('configuration.md'), 'utf8');
const start = configuration.indexOf(settingsTableStart);
const end = configuration.indexOf(settingsTableEnd);
if (start < 0 || end < 0) throw new Error('docs/configuration.md lacks the settings table markers');
writeFileSync(
  docs('configuration.md'),
  configuration.slice(0, start) + renderSettingsTable() + configuration.slice(end + settingsTableEnd.length),
);
console.log('wrote docs/errors.md and the settings table of docs/configuration.md');
