import type { ConnectorContext } from '../kit/contract.ts';
import { assertConfined, confinePath, type GitAccess, type GitGrant } from './access.ts';
import { runGit, type GitRunner } from './client.ts';
import type { GitConfig, GitSecrets } from './config.ts';

/** Chosen by the operator when Pulse is composed, never by a tenant (a tenant must not pick the program run). */
export interface GitConnectorOptions {
  /** The git executable; default 'git' from PATH. */
  readonly binary?: string;
  /** Commits per page; each page is one transaction of the writer. Default 1,000. */
  readonly pageSize?: number;
  /**
   * Absolute folders (PULSE_GIT_ROOTS) under which a tenant reads `<root>/<tenant-slug>/`.
   * None: no path is allowed, except grants.
   */
  readonly roots?: readonly string[];
  /** Folders granted to one tenant each (PULSE_GIT_GRANTS). */
  readonly grants?: readonly GitGrant[];
}

export type GitContext = ConnectorContext<GitConfig, GitSecrets>;

/** The confinement the options describe. */
export function accessOf(options: GitConnectorOptions): GitAccess {
  return { roots: options.roots ?? [], grants: options.grants ?? [] };
}

/** A runner outside any repository (`git --version`). */
export function plainRunner(options: GitConnectorOptions, ctx: GitContext): GitRunner {
  return { binary: options.binary ?? 'git', path: '/', signal: ctx.signal };
}

/**
 * A runner for the configured repository `configured`, confined to the tenant's folders: the
 * path is resolved to its real path and checked, then the repository folder git itself finds there
 * (a `.git` file can point elsewhere) is checked too. Called before every use, at check and at
 * sync time, because the folder could have been swapped for a symlink since it was configured.
 */
export async function openRepository(
  options: GitConnectorOptions,
  ctx: Pick<GitContext, 'tenant' | 'signal'>,
  configured: string,
): Promise<GitRunner> {
  const access = accessOf(options);
  const path = await confinePath(access, ctx.tenant, configured);
  const git: GitRunner = { binary: options.binary ?? 'git', path, safeDirectory: path, signal: ctx.signal };
  const gitDir = await runGit(git, ['rev-parse', '--absolute-git-dir']).then(
    (result) => result.stdout.trim(),
    () => undefined,
  );
  // Not a repository: git's own error (inside the tenant's folder) is reported by the first command.
  if (gitDir !== undefined) await assertConfined(access, ctx.tenant, gitDir, configured);
  return git;
}
