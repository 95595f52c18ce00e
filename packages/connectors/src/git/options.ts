import type { ConnectorContext } from '../kit/contract.ts';
import type { GitRunner } from './client.ts';
import type { GitConfig, GitSecrets } from './config.ts';

/** Chosen by the operator when Pulse is composed, never by a tenant (a tenant must not pick the program run). */
export interface GitConnectorOptions {
  /** The git executable; default 'git' from PATH. */
  readonly binary?: string;
  /** Commits per page; each page is one transaction of the writer. Default 1,000. */
  readonly pageSize?: number;
}

export type GitContext = ConnectorContext<GitConfig, GitSecrets>;

/** A runner for the repository at `path` that stops when the sync is aborted. */
export function runnerFor(options: GitConnectorOptions, ctx: GitContext, path: string): GitRunner {
  return { binary: options.binary ?? 'git', path, signal: ctx.signal };
}
