/** Opens the runtime for a command and always closes it, whatever the command does. */
import { loadConfig } from '../config/load-config.ts';
import { createLogger, SecretScrubber } from '../logger.ts';
import { openRuntime, type Runtime } from '../runtime.ts';
import type { Io } from './output.ts';

export async function withRuntime<T>(
  io: Io,
  options: { migrate: boolean },
  body: (rt: Runtime) => Promise<T>,
): Promise<T> {
  const config = loadConfig(io.env);
  // Commands other than `serve` keep stdout for their results: logs (warnings only, unless
  // LOG_LEVEL says otherwise) go to stderr.
  const scrubber = new SecretScrubber();
  const level = io.env.LOG_LEVEL === undefined ? 'warn' : config.LOG_LEVEL;
  const log = createLogger({ level, scrubber, destination: io.stderr });
  const runtime = await openRuntime(config, { ...options, log, scrubber });
  try {
    return await body(runtime);
  } finally {
    await runtime.close();
  }
}

export function cliActor(io: Io): string {
  return `cli:${io.env.USER ?? io.env.LOGNAME ?? 'unknown'}`;
}
