/**
 * Records whose references are not stored yet (a review before its pull request in the file),
 * set aside in a temporary file with their line numbers, so memory stays flat however many there
 * are, and read back for another pass once the rest of the file is stored.
 */
import { createReadStream, createWriteStream, mkdtempSync, rmSync, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NormalisedRecord } from '@pulse/core';
import { readLines } from './read-lines.ts';

export interface NumberedRecord {
  readonly line: number;
  readonly record: NormalisedRecord;
}

export class DeferredRecords {
  private readonly dir = mkdtempSync(join(tmpdir(), 'pulse-import-'));
  private file = 0;
  private out: WriteStream | undefined;
  count = 0;

  async add(item: NumberedRecord): Promise<void> {
    this.out ??= createWriteStream(this.path(this.file));
    this.count += 1;
    if (!this.out.write(`${item.line}\t${JSON.stringify(item.record)}\n`)) await once(this.out, 'drain');
  }

  /** Closes the current file and streams its records back; later `add`s go to a new file. */
  async *drain(): AsyncGenerator<NumberedRecord> {
    const out = this.out;
    if (out === undefined) return;
    const path = this.path(this.file);
    this.out = undefined;
    this.file += 1;
    this.count = 0;
    await new Promise<void>((resolve, reject) =>
      out.end((error?: Error | null) => (error ? reject(error) : resolve())),
    );
    // Records were validated before they were set aside: parsed back without validating again.
    for await (const line of readLines(createReadStream(path), Number.MAX_SAFE_INTEGER)) {
      if (!('text' in line) || line.text === '') continue;
      const tab = line.text.indexOf('\t');
      yield {
        line: Number(line.text.slice(0, tab)),
        record: JSON.parse(line.text.slice(tab + 1)) as NormalisedRecord,
      };
    }
    rmSync(path, { force: true });
  }

  dispose(): void {
    this.out?.destroy();
    rmSync(this.dir, { recursive: true, force: true });
  }

  private path(n: number): string {
    return join(this.dir, `deferred-${n}.ndjson`);
  }
}
