/**
 * The local git connector: reads repositories on the Pulse server's disk (working trees or bare
 * clones) with the git CLI. Streams: repositories, refs (branches and tags), commits.
 * See docs/connectors/git.md.
 */
import type { Connector } from '../kit/contract.ts';
import { checkGit } from './check.ts';
import { gitConfig, gitSecrets, type GitConfig, type GitSecrets } from './config.ts';
import type { GitConnectorOptions } from './options.ts';
import { commitsStream } from './streams/commits.ts';
import { refsStream } from './streams/refs.ts';
import { repositoriesStream } from './streams/repositories.ts';

export type { GitConfig, GitSecrets } from './config.ts';
export type { GitConnectorOptions } from './options.ts';

/** Builds the git connector; `options` are the operator's (which git binary, page size). */
export function createGitConnector(options: GitConnectorOptions = {}): Connector<GitConfig, GitSecrets> {
  return {
    kind: 'git',
    title: 'Local git repositories',
    configSchema: gitConfig,
    secretsSchema: gitSecrets,
    check: (ctx) => checkGit(options, ctx),
    streams: [repositoriesStream(options), refsStream(options), commitsStream(options)],
  };
}

/** The git connector with git from PATH. */
export const gitConnector = createGitConnector();
