/** tags: tag refs newest commit first (→ ref records; deployments when the source is 'tags'). */
import type { Stream } from '../../kit/contract.ts';
import type { GithubConfig, GithubSecrets } from '../config.ts';
import { mapTag, tagTime, type TagNode } from '../map/tags.ts';
import { tagsQuery } from '../queries/delivery.ts';
import { repositoryPartitions } from '../repository-list.ts';
import { repositoryListPage } from './graphql-list.ts';
import { readNewestFirst, type NewestFirstCursor } from './newest-first.ts';
import { repositoryOf } from './shared.ts';

export const tagsStream: Stream<GithubConfig, GithubSecrets, NewestFirstCursor> = {
  name: 'tags',
  dependsOn: ['repositories'],
  partitions: repositoryPartitions,
  map: mapTag,
  read(ctx, input) {
    const repo = repositoryOf(input.partition);
    return readNewestFirst<TagNode>(ctx, input, {
      page: (after) => repositoryListPage(ctx, tagsQuery, repo, after),
      id: (t) => t.id,
      time: tagTime,
    });
  },
};
