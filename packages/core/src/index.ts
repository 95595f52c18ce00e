export * from './errors.ts';
export * from './config.ts';
export * from './secrets/keyring.ts';
export * from './tenancy.ts';
export * from './docs.ts';
export * from './check.ts';
export * from './records/index.ts';
export * from './issue-keys.ts';
