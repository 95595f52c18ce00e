/**
 * `pulse serve` on a fresh embedded database with the demo organisation (`pulse demo`, a year of
 * four teams' work) and a viewer account, in a temporary folder, on a free port: the real CLI,
 * serving the built dashboard.
 */
import {
  embeddedEnv,
  freePort,
  runPulse,
  startPulse,
  tempDir,
  type PulseProcess,
} from '../../../../server/test/support/run-pulse.ts';

export interface DemoServer {
  readonly url: string;
  readonly admin: { readonly email: string; readonly password: string };
  readonly viewer: { readonly email: string; readonly password: string };
  readonly process: PulseProcess;
  stop(): Promise<void>;
}

const password = 'demo password for the browser tests';

export async function startDemoServer(): Promise<DemoServer> {
  const dir = tempDir('pulse-e2e-');
  // The fake GitHub and Jira listen on 127.0.0.1, which the egress policy refuses unless allowed.
  const env = { ...embeddedEnv(dir.path), PULSE_EGRESS_ALLOW: '127.0.0.1' };
  const check = (result: Awaited<ReturnType<typeof runPulse>>, what: string) => {
    if (result.code !== 0) throw new Error(`${what} failed:\n${result.stdout}\n${result.stderr}`);
  };
  check(
    await runPulse(['demo', '--password-stdin'], { cwd: dir.path, env, input: password, timeoutMs: 150_000 }),
    'pulse demo',
  );
  const viewer = { email: 'viewer@pulse.local', password: 'viewer password for the browser tests' };
  check(
    await runPulse(
      [
        'admin',
        'user',
        'create',
        '--tenant',
        'demo',
        '--email',
        viewer.email,
        '--role',
        'viewer',
        '--password-stdin',
      ],
      { cwd: dir.path, env, input: viewer.password },
    ),
    'pulse admin user create',
  );
  const server = startPulse(['serve', '--port', String(await freePort())], { cwd: dir.path, env });
  try {
    const running = await server.waitForStdout(/Pulse is running at (http:\/\/\S+) \(/, 60_000);
    return {
      url: running[1]!,
      admin: { email: 'demo@pulse.local', password },
      viewer,
      process: server,
      stop: async () => {
        await server.stop('SIGTERM');
        dir.remove();
      },
    };
  } catch (error) {
    await server.stop('SIGKILL');
    dir.remove();
    throw error;
  }
}
