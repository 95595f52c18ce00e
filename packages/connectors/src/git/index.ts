/**
 * The local git connector: reads repositories on the Pulse server's disk (working trees or bare
 * clones) with the git CLI. Streams: repositories, refs (branches and tags), commits.
 * See docs/connectors/git.md.
 */
import type { Connector } from '../kit/contract.ts';
import { checkGit } from './check.ts';
import { gitConfig, gitSecrets, type GitConfig, type GitSecrets } from './config.ts';
import { openRepository, type GitConnectorOptions } from './options.ts';
import { commitsStream } from './streams/commits.ts';
import { refsStream } from './streams/refs.ts';
import { repositoriesStream } from './streams/repositories.ts';

export type { GitConfig, GitSecrets } from './config.ts';
export type { GitConnectorOptions } from './options.ts';
export type { GitGrant } from './access.ts';

/**
 * Builds the git connector; `options` are the operator's (which git binary, page size, and the
 * roots and grants that confine every path). Without roots or grants, no path is allowed.
 */
export function createGitConnector(options: GitConnectorOptions = {}): Connector<GitConfig, GitSecrets> {
  return {
    kind: 'git',
    title: 'Local git repositories',
    configSchema: gitConfig,
    secretsSchema: gitSecrets,
    // Refused paths never reach the database; the check and every sync check them again.
    checkConfig: async (config, tenant) => {
      const signal = AbortSignal.timeout(30_000);
      for (const repository of config.repositories)
        await openRepository(options, { tenant, signal }, repository.path);
    },
    check: (ctx) => checkGit(options, ctx),
    streams: [repositoriesStream(options), refsStream(options), commitsStream(options)],
  };
}

/** The git connector with git from PATH and no folder allowed (compose one with roots to read any). */
export const gitConnector = createGitConnector();
