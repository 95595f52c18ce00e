/**
 * Runs the real `pulse` command (bin/pulse.js) as a child process with a controlled environment:
 * only PATH, HOME and USER come from the parent, so a DATABASE_URL or PULSE_* variable of the
 * developer's shell cannot leak into a test. Each test gets its own temporary working directory.
 * Also: the assertions every CLI test repeats (exit code, error paragraph, no stack trace).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { parseSecretKey, type SecretKey } from '@pulse/core';

export const pulseBin = fileURLToPath(new URL('../../bin/pulse.js', import.meta.url));

export interface PulseResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  readonly cwd: string;
  /** Variables added to the minimal environment (PATH, HOME, USER). */
  readonly env?: Readonly<Record<string, string>>;
  /** Written to standard input, which is then closed (it is closed empty when omitted). */
  readonly input?: string;
  readonly timeoutMs?: number;
}

/** The environment a child gets: PATH, HOME and USER of the parent, plus `extra`. */
export function pulseEnv(extra: Readonly<Record<string, string>> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const name of ['PATH', 'HOME', 'USER'] as const) {
    const value = process.env[name];
    if (value !== undefined) env[name] = value;
  }
  return { ...env, ...extra };
}

/** A running `pulse` process whose output is collected as it arrives. */
export interface PulseProcess {
  readonly child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves with the stdout match once `pattern` appears; rejects if the process exits first. */
  waitForStdout(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  readonly exited: Promise<PulseResult>;
  /** Sends `signal` unless the process has already exited; resolves when it has. */
  stop(signal?: NodeJS.Signals): Promise<PulseResult>;
}

export function startPulse(args: readonly string[], options: RunOptions): PulseProcess {
  const child = spawn(process.execPath, [pulseBin, ...args], {
    cwd: options.cwd,
    env: pulseEnv(options.env),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  let done: PulseResult | undefined;
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const listener of listeners) listener();
  };
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    out += chunk;
    notify();
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    err += chunk;
    notify();
  });
  const exited = new Promise<PulseResult>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => {
      done = { code, signal, stdout: out, stderr: err };
      notify();
      resolve(done);
    });
  });
  child.stdin?.end(options.input ?? '');

  const waitForStdout = (pattern: RegExp, timeoutMs = 45_000) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const check = () => {
        const match = out.match(pattern);
        if (match !== null) finish(() => resolve(match));
        else if (done !== undefined)
          finish(() =>
            reject(
              new Error(
                `pulse exited (code ${done?.code}) before printing ${pattern}\nstdout: ${out}\nstderr: ${err}`,
              ),
            ),
          );
      };
      const timer = setTimeout(
        () =>
          finish(() => reject(new Error(`timed out waiting for ${pattern}\nstdout: ${out}\nstderr: ${err}`))),
        timeoutMs,
      );
      const finish = (settle: () => void) => {
        clearTimeout(timer);
        listeners.delete(check);
        settle();
      };
      listeners.add(check);
      check();
    });

  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (done === undefined && child.exitCode === null && child.signalCode === null) child.kill(signal);
    return exited;
  };
  return { child, stdout: () => out, stderr: () => err, waitForStdout, exited, stop };
}

/** Runs `pulse args` to completion; kills it (SIGKILL) if it outlives the timeout. */
export async function runPulse(args: readonly string[], options: RunOptions): Promise<PulseResult> {
  const run = startPulse(args, options);
  const timeoutMs = options.timeoutMs ?? 45_000;
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    run.child.kill('SIGKILL');
  }, timeoutMs);
  try {
    const result = await run.exited;
    if (timedOut)
      throw new Error(
        `pulse ${args.join(' ')} did not finish in ${timeoutMs} ms\nstdout: ${result.stdout}\nstderr: ${result.stderr}`,
      );
    return result;
  } finally {
    clearTimeout(timer);
  }
}

/** A fresh temporary folder; `remove` deletes it with everything in it. */
export function tempDir(prefix = 'pulse-cli-'): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** Settings of the embedded mode, with the data folder and key file inside `dir`. */
export function embeddedEnv(dir: string): { PULSE_DATA_DIR: string; PULSE_SECRET_KEY_FILE: string } {
  return { PULSE_DATA_DIR: join(dir, 'data'), PULSE_SECRET_KEY_FILE: join(dir, 'secret.key') };
}

/** A TCP port that was free a moment ago (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error('no port assigned'))));
    });
  });
}

/** Formats a result for assertion messages, so a failure shows what pulse said. */
export function describeResult(result: PulseResult): string {
  return `exit ${result.code}${result.signal ? ` (${result.signal})` : ''}\nstdout: ${result.stdout}\nstderr: ${result.stderr}`;
}

export function expectOk(result: PulseResult): void {
  expect(result.code, describeResult(result)).toBe(0);
}

/** An expected failure: exit code, one "Error CODE:" paragraph with a hint, and no stack trace. */
export function expectError(result: PulseResult, code: string, exitCode: 1 | 2): void {
  expect(result.code, describeResult(result)).toBe(exitCode);
  expect(result.stderr).toContain(`Error ${code}:`);
  expect(result.stderr).toMatch(/^Hint: \S/m);
  expect(result.stderr).not.toMatch(/^ {4}at /m);
}

/** Keys of a key file, newest first (comment and blank lines skipped). */
export function keyFileKeys(path: string): SecretKey[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => parseSecretKey(line, path));
}

export async function getJson(url: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url);
  return { status: response.status, body: await response.json() };
}
