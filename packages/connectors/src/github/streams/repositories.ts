/** repositories: the selected repositories (single partition ''), read in full every run. */
import type { Stream } from '../../kit/contract.ts';
import type { GithubConfig, GithubSecrets } from '../config.ts';
import { mapRepository } from '../map/repositories.ts';
import { listRepositories } from '../repository-list.ts';

export const repositoriesStream: Stream<GithubConfig, GithubSecrets, Record<string, never>> = {
  name: 'repositories',
  partitions: async () => [{ key: '' }],
  map: mapRepository,
  async *read(ctx) {
    const { found } = await listRepositories(ctx);
    yield { items: found.map((repo) => ({ externalId: repo.nodeId, payload: repo })), cursor: {} };
  },
};
