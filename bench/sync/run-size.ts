/** One size of the sync benchmark: a fake organisation, a fresh database, one measured full sync. */
import { createDatabase } from '../database.ts';
import { runSyncProcess, startFakeGithubProcess, type FakeGithubStats, type Resources } from './children.ts';
import type { SyncFigures } from './sync-child.ts';

export interface SizeResult extends SyncFigures {
  readonly pullRequests: number;
  readonly repositories: number;
  readonly recordsPerSecond: number;
  /** Requests the fake GitHub answered, by status (its own count, independent of the client's). */
  readonly github: FakeGithubStats;
  readonly fakeGenerateMs: number;
}

/** Runs the sync of `prs` pull requests spread over `repositories` repositories. */
export async function runSize(
  resources: Resources,
  prs: number,
  repositories: number,
  log: (message: string) => void,
): Promise<SizeResult> {
  const fake = await startFakeGithubProcess(resources, {
    repositories,
    pullsPerRepository: Math.ceil(prs / repositories),
  });
  const database = await createDatabase();
  resources.databases.add(database);
  try {
    log(
      `${fake.info.pullRequests.toLocaleString('en')} pull requests served on ${fake.info.baseUrl} ` +
        `(generated in ${(fake.info.generateMs / 1000).toFixed(1)} s); syncing into ${database.name}`,
    );
    const figures = await runSyncProcess(resources, {
      databaseUrl: database.url,
      baseUrl: fake.info.baseUrl,
      token: fake.info.token,
      org: fake.info.org,
    });
    return {
      pullRequests: fake.info.pullRequests,
      repositories: fake.info.repositories,
      ...figures,
      recordsPerSecond: Math.round(figures.records / (figures.syncMs / 1000)),
      github: await fake.stats(),
      fakeGenerateMs: fake.info.generateMs,
    };
  } finally {
    await fake.close();
    await database.drop();
    resources.databases.delete(database);
  }
}
