export { buildApp, type AppDeps } from './app.ts';
export { openRuntime, type Runtime } from './runtime.ts';
export { createLogger, SecretScrubber } from './logger.ts';
export { loadConfig } from './config/load-config.ts';
export { loadKeyring } from './config/load-keyring.ts';
export { hashPassword } from './auth/password.ts';
export { createApiKey, type ApiKeyScope } from './auth/api-keys.ts';
export { tokenKeys, signAccessToken } from './auth/access-token.ts';
export { apiRoutes } from './api/api.ts';
