/**
 * Generates a git history fast with `git fast-import`: a mainline with a side branch merged every
 * `mergeEvery` commits, authors drawn from a pool (a few bots among them), small text changes, and
 * a tag every 1,000 commits. The import stream is written as it is generated (flat memory).
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import type { Writable } from 'node:stream';

export interface HistoryShape {
  /** Commits to add, merges included. */
  readonly commits: number;
  /** Every this many commits, a 3-commit side branch is merged into main. */
  readonly mergeEvery?: number;
  /** Seconds since the epoch of the first commit; each commit is 10 minutes later. */
  readonly startEpoch?: number;
  /** Continue main from this commit (an incremental batch); omit for a new history. */
  readonly parent?: string;
  /** Tag names get this prefix, so batches do not collide. */
  readonly tagPrefix?: string;
}

const authors = [
  ...Array.from({ length: 40 }, (_, i) => `Developer ${i} <dev${i}@example.com>`),
  'dependabot[bot] <49699333+dependabot[bot]@users.noreply.github.com>',
  'Renovate Bot <29139614+renovate[bot]@users.noreply.github.com>',
];

/** Runs fast-import in `path` (an existing repository) for `shape`; resolves when git is done. */
export async function importHistory(path: string, shape: HistoryShape): Promise<void> {
  const child = spawn('git', ['-C', path, 'fast-import', '--quiet', '--done'], {
    stdio: ['pipe', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const closed = once(child, 'close');
  await writeStream(child.stdin, shape);
  child.stdin.end();
  const [code] = (await closed) as [number | null];
  if (code !== 0) throw new Error(`git fast-import failed (${code}): ${stderr}`);
}

async function writeStream(out: Writable, shape: HistoryShape): Promise<void> {
  const mergeEvery = shape.mergeEvery ?? 25;
  let epoch = shape.startEpoch ?? 1_700_000_000;
  let mark = 0;
  let main: string | undefined = shape.parent;
  let written = 0;
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  const commit = async (ref: string, from: string | undefined, merge?: string) => {
    mark += 1;
    written += 1;
    epoch += 600;
    const who = authors[(mark * 7) % authors.length];
    const message =
      merge === undefined ? `Change ${mark}: adjust module ${mark % 97}\n` : `Merge topic ${mark}\n`;
    const file = `src/module-${mark % 97}.ts`;
    const content = Array.from(
      { length: 3 + (mark % 9) },
      (_, i) => `export const v${i} = ${mark + i};\n`,
    ).join('');
    await write(
      `commit ${ref}\nmark :${mark}\nauthor ${who} ${epoch} +0100\ncommitter ${who} ${epoch + 60} -0500\n` +
        `data ${Buffer.byteLength(message)}\n${message}` +
        (from === undefined ? '' : `from ${from}\n`) +
        (merge === undefined ? '' : `merge ${merge}\n`) +
        `M 100644 inline ${file}\ndata ${Buffer.byteLength(content)}\n${content}\n`,
    );
    return `:${mark}`;
  };
  while (written < shape.commits) {
    if (main !== undefined && written % mergeEvery === mergeEvery - 4 && shape.commits - written >= 4) {
      let topic = main;
      for (let i = 0; i < 3; i++) topic = await commit('refs/heads/topic', topic);
      main = await commit('refs/heads/main', main, topic);
    } else main = await commit('refs/heads/main', main);
    if (written % 1000 === 0)
      await write(`reset refs/tags/${shape.tagPrefix ?? ''}v${written / 1000}\nfrom ${main}\n\n`);
  }
  await write('done\n');
}
