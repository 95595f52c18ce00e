/**
 * Runs the git CLI against one repository. Output is streamed: `streamGit()` hands out stdout as
 * NUL-terminated tokens while git is still writing, and git blocks on a full pipe until the
 * consumer asks for more, so reading a 100 k-commit history keeps memory flat.
 *
 * Why the CLI and not a JS git implementation: git reads packfiles, commit-graphs and every object
 * format (SHA-256, partial clones) fastest and exactly as the repository's owner sees them.
 */
import { spawn } from 'node:child_process';
import { dirname, resolve } from 'node:path';

/** git exited non-zero or could not be started; `failure.ts` turns it into a user-facing error. */
export class GitError extends Error {
  constructor(
    message: string,
    readonly reason: 'missing' | 'failed',
    readonly stderr: string,
    readonly exitCode: number | null,
  ) {
    super(message);
    this.name = 'GitError';
  }
}

export interface GitRunner {
  readonly binary: string;
  /** The repository folder (working tree, .git folder or bare repository). */
  readonly path: string;
  /**
   * The confined real path git may trust although another user owns it (`-c safe.directory=`);
   * never `*`. Unset: git's own ownership check applies.
   */
  readonly safeDirectory?: string;
  readonly signal?: AbortSignal;
}

interface RunOptions {
  /** Written to git's stdin, then closed. */
  readonly stdin?: string;
  /** Exit codes that are answers rather than failures (`symbolic-ref -q` exits 1 when detached). */
  readonly okExitCodes?: readonly number[];
}

// Options that keep the output independent of the user's and the repository's settings and keep
// git from running any program a repository's config could name: no pager, no replaced objects
// (GitHub ignores refs/replace too), no colour, no hooks, no fsmonitor, no credential helper, no
// ssh, no remote protocol at all (Pulse only reads local object stores), and signatures never
// verified (gpg.program is a program too).
const globalArgs = [
  '--no-pager',
  '--no-replace-objects',
  ...['-c', 'core.hooksPath=/dev/null'],
  ...['-c', 'core.fsmonitor=false'],
  ...['-c', 'credential.helper='],
  ...['-c', 'core.sshCommand=false'],
  ...['-c', 'core.askPass=false'],
  ...['-c', 'protocol.allow=never'],
  ...['-c', 'log.showSignature=false'],
  ...['-c', 'gpg.program=false'],
  ...['-c', 'color.ui=never'],
];

/** git's home folder: one that does not exist, so no ~/.gitconfig or ~/.config/git is read. */
export const gitHome = '/nonexistent';

/**
 * The whole environment of a git process. Nothing of Pulse's own (PULSE_SECRET_KEY, DATABASE_URL)
 * is passed on: a git that ran a program would hand it the environment.
 */
export function gitEnvironment(path: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin',
    HOME: gitHome,
    LANG: 'C',
    LC_ALL: 'C',
    LANGUAGE: 'C',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_ATTR_NOSYSTEM: '1',
    GIT_TERMINAL_PROMPT: '0',
    GIT_OPTIONAL_LOCKS: '0',
    // Never wander up from the configured path into a parent folder's repository.
    GIT_CEILING_DIRECTORIES: dirname(path),
  };
}

const stderrLimit = 4096;

/** Runs git and returns its whole stdout; for bounded outputs (a version, the list of refs). */
export async function runGit(
  git: GitRunner,
  args: readonly string[],
  options: RunOptions = {},
): Promise<{ stdout: string; exitCode: number }> {
  const chunks: Buffer[] = [];
  const exitCode = await spawnGit(git, args, options, async (stdout) => {
    for await (const chunk of stdout) chunks.push(chunk as Buffer);
  });
  return { stdout: Buffer.concat(chunks).toString('utf8'), exitCode };
}

/**
 * Streams git's stdout split at `separator` (NUL by default), yielding the tokens completed by each
 * chunk of output as one batch (one yield per token would dominate the cost). A final token without
 * a separator is yielded last.
 */
export async function* streamGit(
  git: GitRunner,
  args: readonly string[],
  options: RunOptions & { separator?: number } = {},
): AsyncGenerator<string[]> {
  const separator = options.separator ?? 0;
  const child = start(git, args, options);
  // Pieces of a token that spans chunks; joined once its end arrives (a 5 MB numstat block of a
  // vendoring commit would otherwise be re-copied for every 64 KB chunk).
  let pending: Buffer[] = [];
  let completed = false;
  try {
    for await (const chunk of child.process.stdout) {
      const buffer = chunk as Buffer;
      const tokens: string[] = [];
      let from = 0;
      for (let at = buffer.indexOf(separator); at !== -1; at = buffer.indexOf(separator, from)) {
        const piece = buffer.subarray(from, at);
        // NUL never occurs inside a UTF-8 sequence, so each token decodes on its own.
        tokens.push((pending.length === 0 ? piece : Buffer.concat([...pending, piece])).toString('utf8'));
        pending = [];
        from = at + 1;
      }
      if (from < buffer.length) pending.push(buffer.subarray(from));
      if (tokens.length > 0) yield tokens;
    }
    await child.exited;
    if (pending.length > 0) yield [Buffer.concat(pending).toString('utf8')];
    completed = true;
  } finally {
    // The consumer stopped early (an error, a page limit) or git failed: do not leave it running.
    if (!completed) child.process.kill();
  }
}

async function spawnGit(
  git: GitRunner,
  args: readonly string[],
  options: RunOptions,
  consume: (stdout: NodeJS.ReadableStream) => Promise<void>,
): Promise<number> {
  const child = start(git, args, options);
  try {
    await consume(child.process.stdout);
    return await child.exited;
  } finally {
    child.process.kill();
  }
}

function start(git: GitRunner, args: readonly string[], options: RunOptions) {
  const path = resolve(git.path);
  const safe = git.safeDirectory === undefined ? [] : ['-c', `safe.directory=${git.safeDirectory}`];
  const child = spawn(git.binary, [...globalArgs, ...safe, '-C', path, ...args], {
    stdio: ['pipe', 'pipe', 'pipe'],
    ...(git.signal === undefined ? {} : { signal: git.signal }),
    env: gitEnvironment(path),
  });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (text: string) => {
    if (stderr.length < stderrLimit) stderr += text.slice(0, stderrLimit - stderr.length);
  });
  // git may exit before reading all of stdin (a bad repository): EPIPE is reported by the exit code.
  child.stdin.on('error', () => {});
  child.stdin.end(options.stdin ?? '');
  const ok = options.okExitCodes ?? [0];
  const exited = new Promise<number>((resolvePromise, reject) => {
    child.once('error', (error: NodeJS.ErrnoException) => {
      if (error.name === 'AbortError') return reject(error);
      const reason = error.code === 'ENOENT' ? 'missing' : 'failed';
      reject(new GitError(`cannot run ${git.binary}: ${error.message}`, reason, '', null));
    });
    child.once('close', (code, signal) => {
      if (code !== null && ok.includes(code)) return resolvePromise(code);
      const detail = stderr.trim() || `exit ${code ?? signal}`;
      reject(new GitError(`git ${args[0] ?? ''} failed: ${detail}`, 'failed', stderr, code));
    });
  });
  // Rejections are awaited by the caller; this only stops an early-exit rejection being "unhandled".
  exited.catch(() => {});
  return { process: child, exited };
}
