/**
 * Builds the dashboard when dist/ is missing or older than its sources, so `npm start` (and the
 * browser tests) always serve the current code without rebuilding when nothing changed.
 * Run directly (`tsx apps/web/scripts/build-if-stale.ts`) or call `buildIfStale()`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const webRoot = fileURLToPath(new URL('..', import.meta.url));
const sources = ['src', 'public', 'index.html', 'vite.config.ts', 'package.json', 'scripts'];
const marker = join(webRoot, 'dist', 'index.html');

/** Newest modification time (ms) of a file or, recursively, of a folder's files. */
function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = 0;
  for (const entry of readdirSync(path, { recursive: true, withFileTypes: true }))
    if (entry.isFile()) latest = Math.max(latest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  return latest;
}

/** Builds when needed; returns whether it built. */
export function buildIfStale(log: (line: string) => void = console.log): boolean {
  const built = existsSync(marker) ? statSync(marker).mtimeMs : 0;
  const changed = Math.max(...sources.map((s) => newest(join(webRoot, s))));
  if (built > changed) return false;
  log(built === 0 ? 'Building the dashboard...' : 'The dashboard sources changed: rebuilding...');
  const vite = join(dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin', 'vite.js');
  // NODE_ENV from a test runner ("test") would give React's development build.
  execFileSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
    cwd: webRoot,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  return true;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) buildIfStale();
