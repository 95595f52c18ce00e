/**
 * The push API: CI/CD and incident tools without a connector send deployments and incidents.
 * Bodies are the records of the NDJSON format (docs/import-format.md) without `type`; `source`
 * defaults to "api". Idempotent by the caller's id: the same (source, externalId) sent again
 * updates the stored row (or changes nothing), never adds one.
 */
import { z } from 'zod';
import { deploymentRecord, incidentRecord, type NormalisedRecord } from '@pulse/core';
import { withTenant, type Db } from '@pulse/db';
import { writeRecords } from '@pulse/sync';
import type { FactsRefresher } from '../facts-refresher.ts';
import type { StreamBus } from '../stream/bus.ts';
import { route, type ApiRoute } from './route.ts';

const maxBatch = 1000;

/** The record schema, taking a body without `type` (and `source` defaulting to "api"). */
function pushBody<T extends z.ZodType>(type: string, schema: T) {
  return z.preprocess(
    (value) =>
      value !== null && typeof value === 'object' && !Array.isArray(value)
        ? { source: 'api', ...value, type }
        : value,
    schema,
  );
}

const writeResult = z.object({
  written: z.number().int().describe('Records inserted or changed.'),
  unchanged: z.number().int().describe('Records already stored exactly so.'),
});
const batchResult = writeResult.extend({
  unresolved: z
    .array(z.object({ index: z.number().int(), path: z.string(), reference: z.string() }))
    .describe('Items left out because they name something not stored (e.g. an unknown repository).'),
});

export function pushRoutes(deps: { db: Db; facts: FactsRefresher; stream: StreamBus }): ApiRoute[] {
  const write = async (tenantId: string, records: NormalisedRecord[], mode: 'throw' | 'report') => {
    const result = await withTenant(deps.db, tenantId, (tx) =>
      writeRecords(tx, { tenantId, integrationId: null }, records, { unknownReferences: mode }),
    );
    // New deployments and incidents change the metrics: refresh the facts in the background.
    if (result.written > 0) {
      deps.facts.schedule(tenantId);
      deps.stream.publish(tenantId, 'data', { reason: 'push', integrationId: null });
    }
    return result;
  };
  const kinds = [
    { path: '/deployments', type: 'deployment', schema: deploymentRecord, what: 'deployment' },
    { path: '/incidents', type: 'incident', schema: incidentRecord, what: 'incident' },
  ] as const;
  return kinds.flatMap((kind) => {
    const one = pushBody(kind.type, kind.schema);
    return [
      route<undefined, NormalisedRecord>({
        method: 'POST',
        path: kind.path,
        summary: `Record one ${kind.what} (idempotent by source and externalId).`,
        tag: 'push',
        auth: 'member',
        body: one as unknown as z.ZodType<NormalisedRecord>,
        response: writeResult,
        handler: async ({ principal, body }) => {
          const result = await write(principal.tenantId, [body], 'throw');
          return { written: result.written, unchanged: result.unchanged };
        },
      }),
      route<undefined, { items: NormalisedRecord[] }>({
        method: 'POST',
        path: `${kind.path}/batch`,
        summary: `Record up to ${maxBatch} ${kind.what}s in one transaction; items naming unknown records are reported, the rest written.`,
        tag: 'push',
        auth: 'member',
        body: z.strictObject({ items: z.array(one).min(1).max(maxBatch) }) as unknown as z.ZodType<{
          items: NormalisedRecord[];
        }>,
        response: batchResult,
        handler: async ({ principal, body }) => {
          const result = await write(principal.tenantId, body.items, 'report');
          return {
            written: result.written,
            unchanged: result.unchanged,
            unresolved: result.unresolved.map((u) => ({
              index: u.index,
              path: u.path,
              reference: u.reference,
            })),
          };
        },
      }),
    ];
  });
}
