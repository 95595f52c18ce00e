/**
 * `pulse reprocess`: rebuilds an integration's domain rows from its stored raw payloads with the
 * connector's current mappers, without touching the network. Streams that keep no raw payloads
 * (local git) are skipped: a sync re-reads them from disk.
 */
import { withTenant, type Db } from '@pulse/db';
import { getIntegration } from '../integrations/integrations.ts';
import { describeIssues } from '../integrations/zod-issues.ts';
import { connectorFor, type ConnectorRegistry } from '../registry.ts';
import { PulseError } from '@pulse/core';
import { reprocessBatch } from './reprocess-batch.ts';
import { streamOrder } from './stream-order.ts';

export interface ReprocessResult {
  readonly streams: { readonly stream: string; readonly payloads: number; readonly records: number }[];
  readonly skipped: string[];
}

export async function reprocess(
  db: Db,
  registry: ConnectorRegistry,
  tenantId: string,
  nameOrId: string,
  options: { batchSize?: number; onProgress?: (stream: string, payloads: number) => void } = {},
): Promise<ReprocessResult> {
  const integration = await withTenant(db, tenantId, (tx) => getIntegration(tx, nameOrId));
  const connector = connectorFor(registry, integration.kind);
  const config = connector.configSchema.safeParse(integration.config);
  if (!config.success)
    throw new PulseError('INTEGRATION_CONFIG_INVALID', {
      message: `The stored configuration is invalid: ${describeIssues(config.error)}.`,
    });
  const result: ReprocessResult = { streams: [], skipped: [] };
  for (const stream of streamOrder(connector.streams)) {
    if (stream.keepRaw === false) {
      result.skipped.push(stream.name);
      continue;
    }
    let after = 0;
    const totals = { stream: stream.name, payloads: 0, records: 0 };
    for (;;) {
      // One transaction per batch, keyset-paginated: memory stays flat however many payloads.
      const batch = await withTenant(db, tenantId, (tx) =>
        reprocessBatch(tx, {
          tenantId,
          integrationId: integration.id,
          stream,
          config: config.data,
          after,
          size: options.batchSize ?? 500,
        }),
      );
      if (batch.last === undefined) break;
      after = batch.last;
      totals.payloads += batch.payloads;
      totals.records += batch.records;
      options.onProgress?.(stream.name, totals.payloads);
    }
    result.streams.push(totals);
  }
  return result;
}
