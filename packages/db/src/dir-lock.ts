/**
 * One process at a time may open an embedded database folder: two PGlite instances writing the
 * same files would corrupt it. The lock is a file holding the owner's pid; a lock left by a process
 * that no longer runs (kill -9, power loss) is taken over.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PulseError } from '@pulse/core';

/** Lock files held by this process: a lock naming our own pid is stale unless it is in here. */
const held = new Set<string>();

export function acquireDirLock(dataDir: string): () => void {
  try {
    // Only the owner may read the database files.
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  } catch (cause) {
    throw new PulseError('DATA_DIR_UNUSABLE', {
      message: `The embedded database folder ${dataDir} cannot be created: ${(cause as Error).message}`,
      cause,
    });
  }
  const lockFile = join(dataDir, '..', `${baseName(dataDir)}.lock`);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      held.add(lockFile);
      return () => {
        held.delete(lockFile);
        rmSync(lockFile, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new PulseError('DATA_DIR_UNUSABLE', {
          message: `Cannot write the lock file ${lockFile}: ${(error as Error).message}`,
        });
      }
      const owner = Number(readFileSync(lockFile, 'utf8'));
      const ours = owner === process.pid;
      if ((ours && held.has(lockFile)) || (!ours && Number.isInteger(owner) && isRunning(owner))) {
        throw new PulseError('DATA_DIR_LOCKED', {
          message: `Process ${owner} is using the embedded database in ${dataDir}.`,
        });
      }
      rmSync(lockFile, { force: true });
    }
  }
  throw new PulseError('DATA_DIR_LOCKED');
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function baseName(path: string): string {
  return (
    path
      .replace(/[/\\]+$/, '')
      .split(/[/\\]/)
      .pop() ?? 'data'
  );
}
