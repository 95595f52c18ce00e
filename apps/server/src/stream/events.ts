/**
 * Stream events in the database: written by whichever process has news (an API node after a push,
 * a worker during a sync run), announced with NOTIFY, and kept for a day so a client that lost its
 * connection can resume from the last event id it saw.
 */
import { withTenant, type Db } from '@pulse/db';

export const streamChannel = 'pulse_stream';
export const streamTopics = ['sync-runs', 'data'] as const;
export type StreamTopic = (typeof streamTopics)[number];

/** What a `data` event says: something of the tenant changed; views should fetch again. */
export interface DataChanged {
  /**
   * push: the push API stored records; sync: a sync run finished; metrics: metric facts were
   * refreshed; teams: teams, their members or repositories changed; people: people were merged;
   * mappings: an integration's status or type mappings changed.
   */
  readonly reason: 'push' | 'sync' | 'metrics' | 'teams' | 'people' | 'mappings';
  readonly integrationId: number | null;
}

export interface StreamEvent {
  /** Increasing across the installation; a string, as JSON numbers cannot hold every int8. */
  readonly id: string;
  readonly topic: StreamTopic;
  readonly data: unknown;
}

/** How long events stay replayable. */
export const retentionHours = 24;
/** The most events one replay sends; a client further behind reloads instead. */
export const replayLimit = 1000;

export async function writeEvent(
  db: Db,
  tenantId: string,
  topic: StreamTopic,
  data: unknown,
): Promise<string> {
  return withTenant(db, tenantId, async (tx) => {
    const inserted = await tx.query<{ id: number }>(
      'insert into stream_events (tenant_id, topic, data) values ($1, $2, $3) returning id',
      [tenantId, topic, JSON.stringify(data)],
    );
    const id = String(inserted.rows[0]!.id);
    await tx.query('select pg_notify($1, $2)', [streamChannel, `${tenantId}:${id}:${topic}`]);
    return id;
  });
}

/** The tenant's events after `afterId` (only those in `ids` when given), oldest first. */
export async function readEvents(
  db: Db,
  tenantId: string,
  afterId: string,
  limit = replayLimit,
  ids?: readonly string[],
): Promise<StreamEvent[]> {
  return withTenant(db, tenantId, async (tx) => {
    const rows = await tx.query<{ id: number; topic: StreamTopic; data: unknown }>(
      `select id, topic, data from stream_events
       where id > $1 and ($3::bigint[] is null or id = any($3::bigint[]))
       order by id limit $2`,
      [afterId, limit, ids === undefined ? null : ids],
    );
    return rows.rows.map((row) => ({ id: String(row.id), topic: row.topic, data: row.data }));
  });
}

/** The id of the tenant's latest event, or null when there is none. */
export async function latestEventId(db: Db, tenantId: string): Promise<string | null> {
  return withTenant(db, tenantId, async (tx) => {
    const rows = await tx.query<{ id: number | null }>('select max(id) as id from stream_events');
    const id = rows.rows[0]?.id;
    return id == null ? null : String(id);
  });
}

/** Deletes the tenant's events older than the retention. */
export async function pruneEvents(db: Db, tenantId: string): Promise<number> {
  return withTenant(db, tenantId, async (tx) => {
    const deleted = await tx.query(
      `delete from stream_events where created_at < now() - make_interval(hours => $1)`,
      [retentionHours],
    );
    return deleted.rowCount;
  });
}
