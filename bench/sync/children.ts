/**
 * The benchmark's child processes: the fake GitHub (its memory must not count) and the measured
 * sync. Every child started is registered in `Resources`, so Ctrl-C can end exactly those.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { BenchDatabase } from '../database.ts';
import type { SyncChildInput, SyncFigures } from './sync-child.ts';

/** What a benchmark has started and must end, also when interrupted. */
export interface Resources {
  readonly children: Set<ChildProcess>;
  readonly databases: Set<BenchDatabase>;
}

const fakeScript = fileURLToPath(
  new URL('../../packages/connectors/test/github/fake/serve-cli.ts', import.meta.url),
);
const syncScript = fileURLToPath(new URL('./sync-child.ts', import.meta.url));

function spawnTsx(resources: Resources, script: string, args: string[], nodeFlags: string[] = []) {
  const child = spawn(process.execPath, [...nodeFlags, '--import', 'tsx', script, ...args], {
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  resources.children.add(child);
  child.once('exit', () => resources.children.delete(child));
  return child;
}

export interface FakeGithubInfo {
  readonly baseUrl: string;
  readonly token: string;
  readonly org: string;
  readonly repositories: number;
  readonly pullRequests: number;
  readonly generateMs: number;
}

export interface FakeGithubStats {
  readonly requests: number;
  readonly byStatus: Record<string, number>;
  readonly violations: number;
  readonly rssBytes: number;
}

/** Starts the fake GitHub in a child process and waits until it listens. */
export async function startFakeGithubProcess(
  resources: Resources,
  shape: { repositories: number; pullsPerRepository: number },
) {
  const child = spawnTsx(resources, fakeScript, [
    `--repositories=${shape.repositories}`,
    `--pulls-per-repository=${shape.pullsPerRepository}`,
  ]);
  const info = await new Promise<FakeGithubInfo>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => resolve(JSON.parse(line) as FakeGithubInfo));
    child.once('exit', (code) => reject(new Error(`the fake GitHub exited (${code}) before listening`)));
  });
  return {
    info,
    stats: () =>
      new Promise<FakeGithubStats>((resolve) => {
        child.once('message', (m) => resolve(m as FakeGithubStats));
        child.send('stats');
      }),
    close: () => stopChild(child),
  };
}

/** Runs one measured sync in a fresh process (with --expose-gc) and returns its figures. */
export async function runSyncProcess(resources: Resources, input: SyncChildInput): Promise<SyncFigures> {
  const child = spawnTsx(resources, syncScript, [JSON.stringify(input)], ['--expose-gc']);
  child.stdout!.pipe(process.stderr);
  let figures: SyncFigures | undefined;
  child.on('message', (m) => (figures = m as SyncFigures));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0 || figures === undefined) throw new Error(`the sync process exited with code ${code}`);
  return figures;
}

/** Ends a child (SIGTERM) and waits for it. */
export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}
