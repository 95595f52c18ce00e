/**
 * Mappings of an integration: each source status → a status category, each issue type → a
 * work-item kind. The overrides live in the integration's config (`mappings`), which the connector
 * applies when it maps (connectors declare `mappings: true`); what is not overridden follows the
 * connector's defaults (for Jira, its own status categories and common type names).
 *
 * `readMappings` lists every status and type the integration's data has, with the category or
 * kind in force and whether it was set; `writeMappings` changes some and makes the change take
 * effect on stored data in the same transaction: stored rows of the named statuses and types get
 * the new value, and every stored raw payload is mapped again (which also restores defaults and
 * turns issues into incidents or back), then sprint scope follows.
 */
import {
  PulseError,
  statusCategory,
  workItemKind,
  type StatusCategory,
  type WorkItemKind,
} from '@pulse/core';
import type { Tx } from '@pulse/db';
import { z } from 'zod';
import { connectorFor, type ConnectorRegistry } from '../registry.ts';
import { reprocessBatch } from '../runner/reprocess-batch.ts';
import { streamOrder } from '../runner/stream-order.ts';
import { refreshSprintScope } from '../store/derived/sprint-scope.ts';
import { Page } from '../store/page.ts';
import { getIntegration, type Integration } from './integrations.ts';
import { describeIssues } from './zod-issues.ts';

export interface StatusMapping {
  /** The status as the source names it. */
  readonly source: string;
  readonly category: StatusCategory;
  /** 'set' by a user; 'default' when the connector's default applies. */
  readonly origin: 'default' | 'set';
  /** Stored work items in this status now. */
  readonly items: number;
}

export interface TypeMapping {
  readonly source: string;
  readonly kind: WorkItemKind;
  readonly origin: 'default' | 'set';
  readonly items: number;
}

export interface IntegrationMappings {
  readonly statuses: readonly StatusMapping[];
  readonly types: readonly TypeMapping[];
}

/** Changes: a category or kind sets it; null returns the status or type to the default. */
export const mappingChanges = z.strictObject({
  statuses: z
    .array(z.strictObject({ source: z.string().trim().min(1).max(200), category: statusCategory.nullable() }))
    .max(1000)
    .optional(),
  types: z
    .array(z.strictObject({ source: z.string().trim().min(1).max(200), kind: workItemKind.nullable() }))
    .max(1000)
    .optional(),
});
export type MappingChanges = z.infer<typeof mappingChanges>;

interface Overrides {
  statuses: Record<string, StatusCategory>;
  types: Record<string, WorkItemKind>;
}

function overridesOf(integration: Integration): Overrides {
  const mappings = (integration.config as { mappings?: Partial<Overrides> } | null)?.mappings;
  return { statuses: { ...mappings?.statuses }, types: { ...mappings?.types } };
}

const lookup = <T>(map: Record<string, T>, name: string): T | undefined =>
  Object.entries(map).find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1];

/** The mappings in force for an integration (inside the caller's tenant transaction). */
export async function readMappings(
  tx: Tx,
  registry: ConnectorRegistry,
  nameOrId: string,
): Promise<IntegrationMappings> {
  const integration = await mappedIntegration(tx, registry, nameOrId);
  const overrides = overridesOf(integration);
  const statuses = await tx.query<{ name: string; category: StatusCategory; items: number }>(
    `WITH seen AS (
       SELECT w.status AS name, w.status_category AS category, 1 AS item FROM work_items w WHERE w.integration_id = $1
       UNION ALL
       SELECT t.to_status, t.to_category, 0 FROM work_item_transitions t
       JOIN work_items w ON w.tenant_id = t.tenant_id AND w.id = t.work_item_id WHERE w.integration_id = $1)
     SELECT name, mode() WITHIN GROUP (ORDER BY category) AS category, sum(item)::int AS items
     FROM seen GROUP BY name ORDER BY name`,
    [integration.id],
  );
  const types = await tx.query<{ name: string; kind: WorkItemKind; items: number }>(
    `SELECT type_name AS name, mode() WITHIN GROUP (ORDER BY kind) AS kind, count(*)::int AS items
     FROM work_items WHERE integration_id = $1 AND type_name IS NOT NULL GROUP BY type_name ORDER BY type_name`,
    [integration.id],
  );
  const merge = <T, R>(
    rows: readonly { name: string; items: number; value: T }[],
    set: Record<string, T>,
    build: (source: string, value: T, origin: 'default' | 'set', items: number) => R,
  ): R[] => {
    const seen = new Set(rows.map((r) => r.name.toLowerCase()));
    const listed = rows.map((r) => {
      const override = lookup(set, r.name);
      return build(r.name, override ?? r.value, override === undefined ? 'default' : 'set', r.items);
    });
    const unseen = Object.entries(set)
      .filter(([name]) => !seen.has(name.toLowerCase()))
      .map(([name, value]) => build(name, value, 'set', 0));
    return [...listed, ...unseen].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  };
  return {
    statuses: merge(
      statuses.rows.map((r) => ({ name: r.name, items: r.items, value: r.category })),
      overrides.statuses,
      (source, category, origin, items) => ({ source, category, origin, items }),
    ),
    types: merge(
      types.rows.map((r) => ({ name: r.name, items: r.items, value: r.kind })),
      overrides.types,
      (source, kind, origin, items) => ({ source, kind, origin, items }),
    ),
  };
}

export interface WriteMappingsResult {
  readonly mappings: IntegrationMappings;
  /** Raw payloads mapped again. */
  readonly remapped: number;
}

/** Applies `changes` and makes them take effect on stored data, inside the caller's tenant transaction. */
export async function writeMappings(
  tx: Tx,
  registry: ConnectorRegistry,
  tenantId: string,
  nameOrId: string,
  input: unknown,
): Promise<WriteMappingsResult> {
  const parsed = mappingChanges.safeParse(input);
  if (!parsed.success)
    throw new PulseError('VALIDATION_FAILED', {
      message: `The mapping changes are invalid: ${describeIssues(parsed.error)}.`,
      hint: `Categories: ${statusCategory.options.join(', ')}; kinds: ${workItemKind.options.join(', ')}.`,
    });
  const changes = parsed.data;
  const integration = await mappedIntegration(tx, registry, nameOrId);
  const connector = connectorFor(registry, integration.kind);
  const overrides = overridesOf(integration);
  const apply = <T>(map: Record<string, T>, source: string, value: T | null) => {
    for (const key of Object.keys(map)) if (key.toLowerCase() === source.toLowerCase()) delete map[key];
    if (value !== null) map[source] = value;
  };
  for (const c of changes.statuses ?? []) apply(overrides.statuses, c.source, c.category);
  for (const c of changes.types ?? []) apply(overrides.types, c.source, c.kind);
  const config = connector.configSchema.safeParse({ ...(integration.config as object), mappings: overrides });
  if (!config.success)
    throw new PulseError('INTEGRATION_CONFIG_INVALID', {
      message: `The mappings do not fit the ${integration.kind} settings: ${describeIssues(config.error)}.`,
    });
  await tx.query('update integrations set config = $2, updated_at = now() where id = $1', [
    integration.id,
    config.data,
  ]);
  const touched = await setStoredRows(tx, integration.id, changes);
  let remapped = 0;
  for (const stream of streamOrder(connector.streams)) {
    if (stream.keepRaw === false) continue;
    for (let after = 0; ;) {
      const batch = await reprocessBatch(tx, {
        tenantId,
        integrationId: integration.id,
        stream,
        config: config.data,
        after,
        size: 500,
      });
      if (batch.last === undefined) break;
      after = batch.last;
      remapped += batch.payloads;
    }
  }
  const page = new Page(tx, { tenantId, integrationId: integration.id });
  page.touched.workItemIds.push(...touched);
  await refreshSprintScope(page);
  return { mappings: await readMappings(tx, registry, String(integration.id)), remapped };
}

/** Rows of the named statuses and types get the value set (also those whose raw payloads expired). */
async function setStoredRows(tx: Tx, integrationId: number, changes: MappingChanges): Promise<number[]> {
  const ids: number[] = [];
  for (const { source, category } of changes.statuses ?? []) {
    if (category === null) continue;
    const items = await tx.query<{ id: number }>(
      `update work_items set status_category = $3 where integration_id = $1 and lower(status) = lower($2)
         and status_category <> $3 returning id`,
      [integrationId, source, category],
    );
    const moved = await tx.query<{ id: number }>(
      `update work_item_transitions t set
         to_category = CASE WHEN lower(t.to_status) = lower($2) THEN $3 ELSE t.to_category END,
         from_category = CASE WHEN lower(t.from_status) = lower($2) THEN $3 ELSE t.from_category END
       FROM work_items w
       WHERE w.tenant_id = t.tenant_id AND w.id = t.work_item_id AND w.integration_id = $1
         AND (lower(t.to_status) = lower($2) OR lower(t.from_status) = lower($2))
       RETURNING t.work_item_id AS id`,
      [integrationId, source, category],
    );
    ids.push(...items.rows.map((r) => r.id), ...moved.rows.map((r) => r.id));
  }
  for (const { source, kind } of changes.types ?? []) {
    if (kind === null) continue;
    await tx.query(
      'update work_items set kind = $3 where integration_id = $1 and lower(type_name) = lower($2) and kind <> $3',
      [integrationId, source, kind],
    );
  }
  return [...new Set(ids)];
}

async function mappedIntegration(
  tx: Tx,
  registry: ConnectorRegistry,
  nameOrId: string,
): Promise<Integration> {
  const integration = await getIntegration(tx, nameOrId);
  if (connectorFor(registry, integration.kind).mappings !== true)
    throw new PulseError('INTEGRATION_MAPPINGS_UNSUPPORTED', {
      message: `Integration "${integration.name}" (${integration.kind}) has no status or type mappings.`,
    });
  return integration;
}
