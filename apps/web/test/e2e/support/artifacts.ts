/**
 * Where the browser tests write screenshots and measurements: test-artifacts/ (git-ignored).
 * With PULSE_UPDATE_SCREENSHOTS=1 the screenshots are also copied to docs/screenshots/.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../../../../', import.meta.url));
export const artifactsDir = join(repoRoot, 'test-artifacts', 'e2e');
const docsDir = join(repoRoot, 'docs', 'screenshots');

export function screenshotPath(name: string): string {
  mkdirSync(artifactsDir, { recursive: true });
  return join(artifactsDir, `${name}.png`);
}

/** Copies a screenshot into docs/screenshots when asked to refresh them. */
export function publishScreenshot(name: string): void {
  if (process.env.PULSE_UPDATE_SCREENSHOTS !== '1') return;
  mkdirSync(docsDir, { recursive: true });
  copyFileSync(screenshotPath(name), join(docsDir, `${name}.png`));
}

export function writeMeasurements(name: string, data: unknown): void {
  mkdirSync(artifactsDir, { recursive: true });
  writeFileSync(join(artifactsDir, `${name}.json`), `${JSON.stringify(data, null, 2)}\n`);
}
