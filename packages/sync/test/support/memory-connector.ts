/**
 * A real connector over an in-memory source, for testing the runner: repositories, each with a
 * list of commits read in pages. It counts what it reads so tests can prove what was (not) read,
 * and can fail a repository or slow its pages down.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { PulseError, type NormalisedRecord } from '@pulse/core';
import type { Connector, Json, Page } from '@pulse/connectors';

export const memoryConfig = z.strictObject({
  repositories: z.array(
    z.strictObject({ name: z.string(), commits: z.number().int(), fail: z.boolean().optional() }),
  ),
  pageSize: z.number().int().positive().default(10),
  pageDelayMs: z.number().int().nonnegative().default(0),
});
export type MemoryConfig = z.infer<typeof memoryConfig>;

export interface ReadLog {
  /** Pages read per partition key, across all runs. */
  readonly pages: Map<string, number>;
  /** Commit numbers read per partition key. */
  readonly items: Map<string, number[]>;
}

export const commitSha = (repo: string, n: number) => createHash('sha1').update(`${repo}#${n}`).digest('hex');

export function memoryConnector(log: ReadLog = { pages: new Map(), items: new Map() }) {
  const connector: Connector<MemoryConfig, Record<string, never>> = {
    kind: 'memory',
    title: 'In-memory test source',
    configSchema: memoryConfig,
    secretsSchema: z.strictObject({}),
    check: async () => ({ ok: true }),
    streams: [
      {
        name: 'repositories',
        partitions: async () => [{ key: '' }],
        async *read(ctx) {
          yield {
            items: ctx.config.repositories.map((r) => ({ externalId: r.name, payload: { name: r.name } })),
            cursor: {},
          };
        },
        map: (payload) => {
          const name = (payload as { name: string }).name;
          return [{ type: 'repository', source: 'memory', externalId: name, name, fullName: `mem/${name}` }];
        },
      },
      {
        name: 'commits',
        dependsOn: ['repositories'],
        partitions: async (ctx) =>
          ctx.config.repositories.map((r) => ({ key: r.name, data: { name: r.name } })),
        async *read(ctx, { partition, cursor }): AsyncIterable<Page<{ next: number }>> {
          const repo = ctx.config.repositories.find((r) => r.name === partition.key);
          if (repo?.fail)
            throw new PulseError('NOT_FOUND', { message: `repository ${partition.key} is gone` });
          let next = (cursor as { next?: number } | null)?.next ?? 0;
          while (next < (repo?.commits ?? 0)) {
            if (ctx.config.pageDelayMs > 0) await new Promise((r) => setTimeout(r, ctx.config.pageDelayMs));
            const end = Math.min(next + ctx.config.pageSize, repo!.commits);
            const numbers = Array.from({ length: end - next }, (_, i) => next + i);
            log.pages.set(partition.key, (log.pages.get(partition.key) ?? 0) + 1);
            log.items.set(partition.key, [...(log.items.get(partition.key) ?? []), ...numbers]);
            next = end;
            yield {
              items: numbers.map((n) => ({
                externalId: `${partition.key}#${n}`,
                payload: { repo: partition.key, n },
              })),
              cursor: { next },
            };
          }
        },
        map: (payload): NormalisedRecord[] => {
          const { repo, n } = payload as { repo: string; n: number };
          const at = new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString();
          return [
            {
              type: 'commit',
              repository: { source: 'memory', externalId: repo },
              sha: commitSha(repo, n),
              parents: n === 0 ? [] : [commitSha(repo, n - 1)],
              author: {
                source: 'memory',
                externalId: `dev${n % 3}@example.com`,
                email: `dev${n % 3}@example.com`,
              },
              authoredAt: at,
              committedAt: at,
              message: `commit ${n}`,
            },
          ];
        },
      },
    ],
  };
  return { connector, log };
}

export type { Json };
