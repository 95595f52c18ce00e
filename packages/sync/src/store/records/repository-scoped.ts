/** Writers of records that belong to one repository of their own source (CI runs, checks, deployments). */
import type { RecordOf, RepositoryRef } from '@pulse/core';
import { buildRows, naturalKey, type Row } from '../build-rows.ts';
import type { Item, Page } from '../page.ts';
import { describeRepository } from './commit.ts';

type Scoped = 'pipeline_run' | 'commit_check' | 'deployment';
interface Owned {
  readonly repository: RepositoryRef;
  readonly source: string;
}

/**
 * Upserts `items` with `upsert`, each row built by `toRow` once its repository is resolved; a
 * record whose repository is not stored is noted as unresolved and left out.
 */
export async function writeRepositoryScoped<T extends Scoped>(
  page: Page,
  type: T,
  items: readonly Item<T>[],
  upsert: string,
  toRow: (record: RecordOf<T>, repositoryId: number) => Row,
): Promise<Set<string>> {
  const repositoryOf = (item: Item<T>): Owned => item.record as unknown as Owned;
  await page.repositories(items.map((i) => [repositoryOf(i).repository, repositoryOf(i).source] as const));
  const { rows } = buildRows(
    items,
    (item) => {
      const { repository, source } = repositoryOf(item);
      const repositoryId = page.repository(repository, source);
      if (repositoryId === undefined)
        return page.unknown(type, item, 'repository', describeRepository(repository, source));
      return toRow(item.record, repositoryId);
    },
    naturalKey,
  );
  return page.upsert(upsert, rows);
}
