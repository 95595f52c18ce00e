/**
 * `pulse demo` and `pulse serve --demo` end to end, on the embedded database in a fresh temporary
 * folder: the demo loads once, its login is printed once, and a second load is refused.
 */
import { afterAll, describe, expect, it } from 'vitest';
import {
  embeddedEnv,
  expectError,
  expectOk,
  freePort,
  getJson,
  runPulse,
  startPulse,
  tempDir,
  type PulseProcess,
} from './support/run-pulse.ts';

const login = /Log in as demo@pulse\.local with password (\S+) \(shown once\)/;

describe('pulse demo', { timeout: 120_000 }, () => {
  const dir = tempDir();
  const env = embeddedEnv(dir.path);
  afterAll(() => dir.remove());

  it('loads the demo organisation into a new tenant and prints the login once', async () => {
    const result = await runPulse(['demo', '--days', '30'], { cwd: dir.path, env, timeoutMs: 100_000 });
    expectOk(result);
    expect(result.stdout).toMatch(/Loaded the demo organisation into tenant demo \(/);
    expect(result.stdout).toMatch(/^pull_requests +[1-9]\d*$/m);
    expect(result.stdout).toMatch(/^deployments +[1-9]\d*$/m);
    expect(result.stdout.match(login)?.[1]).toMatch(/^[\w-]{20}$/);
  });

  it('refuses to load it again into the same tenant', async () => {
    const result = await runPulse(['demo', '--days', '30'], { cwd: dir.path, env, timeoutMs: 100_000 });
    expectError(result, 'DEMO_TENANT_EXISTS', 1);
    expect(result.stderr).toContain('--tenant');
  });

  it('loads another tenant with a password from standard input; the login is the existing account', async () => {
    const result = await runPulse(['demo', '--days', '7', '--tenant', 'demo-two', '--password-stdin'], {
      cwd: dir.path,
      env,
      input: 'a long enough passphrase\n',
      timeoutMs: 100_000,
    });
    expectOk(result);
    expect(result.stdout).toContain('Log in as demo@pulse.local with its existing password');
  });

  it('rejects a malformed --days or --seed before touching the database', async () => {
    const days = await runPulse(['demo', '--days', 'many'], { cwd: dir.path, env });
    expectError(days, 'VALIDATION_FAILED', 1);
    expect(days.stderr).toContain('--days');
    const seed = await runPulse(['demo', '--seed', '-1'], { cwd: dir.path, env });
    expectError(seed, 'VALIDATION_FAILED', 1);
  });
});

describe('pulse serve --demo', { timeout: 300_000 }, () => {
  const dir = tempDir();
  const env = embeddedEnv(dir.path);
  let server: PulseProcess | undefined;
  afterAll(async () => {
    await server?.stop('SIGKILL');
    dir.remove();
  });

  it('loads the demo on first start, prints the login before the address, and serves /readyz', async () => {
    server = startPulse(['serve', '--demo', '--port', String(await freePort())], { cwd: dir.path, env });
    const running = await server.waitForStdout(/Pulse is running at (http:\/\/\S+) \(/, 240_000);
    const output = server.stdout();
    const password = output.match(login);
    expect(password, output).not.toBeNull();
    expect(output.indexOf(password![0])).toBeLessThan(output.indexOf(running[0]));
    const ready = await getJson(`${running[1]!}/readyz`);
    expect(ready.status).toBe(200);
    await server.stop('SIGTERM');

    server = startPulse(['serve', '--demo', '--port', String(await freePort())], { cwd: dir.path, env });
    await server.waitForStdout(/Pulse is running at/, 60_000);
    expect(server.stdout()).toContain('The demo organisation is already loaded in tenant demo');
    expect(server.stdout()).not.toMatch(login);
  });
});
