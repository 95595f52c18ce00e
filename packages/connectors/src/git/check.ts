/**
 * The connection check: git runs, and every configured path is a repository whose refs and
 * objects this process can read. Expected failures come back as values with a code and a hint.
 */
import { isPulseError, PulseError, type CheckResult } from '@pulse/core';
import { runGit } from './client.ts';
import { gitFailure } from './failure.ts';
import { openRepository, plainRunner, type GitConnectorOptions, type GitContext } from './options.ts';
import { resolveRepositories } from './repositories.ts';

/** Checks git and each repository in turn; the first failure is the result. */
export async function checkGit(options: GitConnectorOptions, ctx: GitContext): Promise<CheckResult> {
  try {
    const version = await gitVersion(options, ctx);
    const repositories = await resolveRepositories(options, ctx);
    for (const repository of repositories) await checkRepository(options, ctx, repository.path);
    const names = repositories.map((r) => r.fullName).join(', ');
    return { ok: true, detail: `${version}; ${repositories.length} readable: ${names}` };
  } catch (error) {
    const cause = gitFailure(error, '(git)');
    const failure = isPulseError(cause)
      ? cause
      : new PulseError('GIT_COMMAND_FAILED', { message: cause.message });
    return { ok: false, code: failure.code, message: failure.message, hint: failure.hint };
  }
}

async function gitVersion(options: GitConnectorOptions, ctx: GitContext): Promise<string> {
  try {
    return (await runGit(plainRunner(options, ctx), ['--version'])).stdout.trim();
  } catch (error) {
    throw gitFailure(error, '(git --version)');
  }
}

async function checkRepository(options: GitConnectorOptions, ctx: GitContext, path: string): Promise<void> {
  try {
    const git = await openRepository(options, ctx, path);
    await runGit(git, ['rev-parse', '--git-dir']);
    // Reading one ref and the object it names proves the refs and the object store are readable.
    const { stdout } = await runGit(git, ['for-each-ref', '--count=1', '--format=%(objectname)']);
    const sha = stdout.trim();
    if (sha !== '') await runGit(git, ['cat-file', '-e', sha]);
  } catch (error) {
    throw gitFailure(error, path);
  }
}
