/** The repositories stream: one record per configured repository, with HEAD's branch as default. */
import type { Page, Stream } from '../../kit/contract.ts';
import { runGit } from '../client.ts';
import type { GitConfig, GitSecrets } from '../config.ts';
import { gitFailure } from '../failure.ts';
import { mapRepository } from '../map/repositories.ts';
import { openRepository, type GitConnectorOptions } from '../options.ts';
import type { RepositoryPayload } from '../payloads.ts';
import { gitPartitions, repositoryFor } from '../repositories.ts';

/** The repositories stream of a git connector built with `options`. */
export function repositoriesStream(options: GitConnectorOptions): Stream<GitConfig, GitSecrets, null> {
  return {
    name: 'repositories',
    keepRaw: false,
    partitions: (ctx) => gitPartitions(options, ctx),
    async *read(ctx, { partition }): AsyncGenerator<Page<null>> {
      const repository = await repositoryFor(options, ctx, partition);
      let head: string;
      try {
        const git = await openRepository(options, ctx, repository.path);
        // Exit 1: HEAD is detached (no default branch); an unborn HEAD still names its branch.
        head = (await runGit(git, ['symbolic-ref', '-q', 'HEAD'], { okExitCodes: [0, 1] })).stdout.trim();
      } catch (error) {
        throw gitFailure(error, repository.path);
      }
      const payload: RepositoryPayload = {
        path: repository.path,
        fullName: repository.fullName,
        head: head === '' ? null : head,
      };
      yield { items: [{ externalId: repository.fullName, payload }], cursor: null };
    },
    map: (payload) => [mapRepository(payload as RepositoryPayload)],
  };
}
