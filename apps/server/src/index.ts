export { buildApp, type AppDeps } from './app.ts';
export { openRuntime, type Runtime } from './runtime.ts';
export { createLogger, SecretScrubber } from './logger.ts';
export { loadConfig } from './config/load-config.ts';
export { loadKeyring } from './config/load-keyring.ts';
