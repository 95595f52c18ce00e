/**
 * Every benchmark, one after the other, each in its own process: `npm run bench`.
 *
 *   npm run bench                          # all suites at the sizes of docs/benchmarks.md
 *   npm run bench -- --only ingest,git     # some of them
 *   npm run bench -- --quick               # small sizes: a check that every suite runs (minutes)
 *
 * Each suite prints its table and writes test-artifacts/bench-<suite>.json; `npm run
 * bench:<suite> -- …` runs one with its own options (docs/benchmarks.md lists them).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

interface Suite {
  readonly script: string;
  readonly quick: readonly string[];
}

const suites: Record<string, Suite> = {
  ingest: { script: 'ingest.ts', quick: ['--rows', '20000'] },
  github: { script: 'github.ts', quick: ['--prs', '1000'] },
  git: { script: 'git.ts', quick: ['--commits', '10000'] },
  sync: { script: 'sync.ts', quick: ['--prs', '5000'] },
  api: { script: 'api.ts', quick: ['--seconds', '3'] },
  fairness: { script: 'fairness.ts', quick: ['--seconds', '3', '--days', '30', '--heavy', '4'] },
  metrics: { script: 'run.ts', quick: ['--scale', '0.005', '--warm-calls', '5', '--baseline-calls', '1'] },
};

const { values } = parseArgs({ options: { only: { type: 'string' }, quick: { type: 'boolean' } } });
const names = values.only?.split(',').map((s) => s.trim()) ?? Object.keys(suites);
const unknown = names.filter((name) => !(name in suites));
if (unknown.length > 0) {
  console.error(`Unknown suite ${unknown.join(', ')}: choose from ${Object.keys(suites).join(', ')}.`);
  process.exit(2);
}

const tsx = fileURLToPath(new URL('../node_modules/.bin/tsx', import.meta.url));
const failed: string[] = [];
for (const name of names) {
  const suite = suites[name]!;
  const args = [fileURLToPath(new URL(suite.script, import.meta.url)), ...(values.quick ? suite.quick : [])];
  console.error(`\n=== bench ${name}: tsx ${args.map((a) => a.replace(/^.*\/bench\//, 'bench/')).join(' ')}`);
  const started = Date.now();
  const result = spawnSync(tsx, args, { stdio: 'inherit' });
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  if (result.status !== 0) failed.push(name);
  console.error(`=== bench ${name}: ${result.status === 0 ? 'done' : 'FAILED'} in ${seconds} s`);
}
if (failed.length > 0) {
  console.error(`\nFailed: ${failed.join(', ')}`);
  process.exit(1);
}
