/**
 * The stream bus of one process. `publish` writes events in the background, one at a time and in
 * order, merging progress updates of the same sync run that are still waiting (a busy run must not
 * queue a backlog of stale progress). `subscribe` delivers a tenant's events as they are
 * committed, from any process: each NOTIFY names one event, which is read back under the tenant's
 * row-level security and handed to that tenant's subscribers only.
 */
import type { Db } from '@pulse/db';
import type { Logger } from '../logger.ts';
import {
  latestEventId,
  pruneEvents,
  readEvents,
  streamChannel,
  writeEvent,
  type StreamEvent,
  type StreamTopic,
} from './events.ts';

interface Pending {
  readonly tenantId: string;
  readonly topic: StreamTopic;
  data: unknown;
}

interface TenantFeed {
  readonly listeners: Set<(event: StreamEvent) => void>;
  /** Ids announced and not read yet. */
  readonly announced: Set<string>;
  /** The highest id delivered (catching up after a lost connection starts here). */
  lastId: string;
  /** Recently delivered ids: an event read twice (announced and caught up) is delivered once. */
  readonly delivered: Set<string>;
  reading: Promise<void> | undefined;
}

const pruneEvery = 500;

export class StreamBus {
  private readonly queue = new Map<string, Pending>();
  private writing: Promise<void> | undefined;
  private written = 0;
  private sequence = 0;
  private readonly feeds = new Map<string, TenantFeed>();
  private unlisten: (() => Promise<void>) | undefined;

  constructor(
    private readonly db: Db,
    private readonly log: Logger,
  ) {}

  /**
   * Queues an event. Events with the same `mergeKey` that are still queued are replaced by the
   * newest (e.g. `run:42` for a run's progress); other events keep their order.
   */
  publish(tenantId: string, topic: StreamTopic, data: unknown, mergeKey?: string): void {
    const key = mergeKey === undefined ? `#${this.sequence++}` : `${tenantId}/${mergeKey}`;
    const queued = this.queue.get(key);
    if (queued !== undefined) queued.data = data;
    else this.queue.set(key, { tenantId, topic, data });
    this.writing ??= this.drain().finally(() => (this.writing = undefined));
  }

  /** Resolves when every queued event is written. */
  async flush(): Promise<void> {
    while (this.writing !== undefined) await this.writing;
  }

  private async drain(): Promise<void> {
    while (this.queue.size > 0) {
      const [key, event] = this.queue.entries().next().value as [string, Pending];
      this.queue.delete(key);
      try {
        await writeEvent(this.db, event.tenantId, event.topic, event.data);
        if (++this.written % pruneEvery === 0) await pruneEvents(this.db, event.tenantId);
      } catch (error) {
        this.log.warn(
          { tenantId: event.tenantId, error: (error as Error).message },
          'stream event not written',
        );
      }
    }
  }

  /** Starts listening for events written by any process (API nodes; a worker only publishes). */
  async start(): Promise<void> {
    this.unlisten ??= await this.db.listen(streamChannel, (payload) => this.announce(payload));
  }

  /**
   * Delivers the tenant's events committed from now on to `listener`. Resolves to the latest event
   * id at subscription (null when there is none) and a function that unsubscribes.
   */
  async subscribe(
    tenantId: string,
    listener: (event: StreamEvent) => void,
  ): Promise<{ lastEventId: string | null; unsubscribe: () => void }> {
    let feed = this.feeds.get(tenantId);
    if (feed === undefined) {
      feed = {
        listeners: new Set(),
        announced: new Set(),
        lastId: '0',
        delivered: new Set(),
        reading: undefined,
      };
      this.feeds.set(tenantId, feed);
    }
    feed.listeners.add(listener);
    const lastEventId = await latestEventId(this.db, tenantId);
    if (lastEventId !== null && BigInt(lastEventId) > BigInt(feed.lastId)) feed.lastId = lastEventId;
    const owned = feed;
    return {
      lastEventId,
      unsubscribe: () => {
        owned.listeners.delete(listener);
        if (owned.listeners.size === 0 && this.feeds.get(tenantId) === owned) this.feeds.delete(tenantId);
      },
    };
  }

  private announce(payload: string | undefined): void {
    if (payload === undefined) {
      // The listening connection was re-established: catch up every feed from its last id.
      for (const [tenantId, feed] of this.feeds) this.read(tenantId, feed, true);
      return;
    }
    const [tenantId, id] = payload.split(':');
    const feed = tenantId === undefined ? undefined : this.feeds.get(tenantId);
    if (feed === undefined || id === undefined || !/^\d+$/.test(id)) return;
    feed.announced.add(id);
    this.read(tenantId!, feed, false);
  }

  private read(tenantId: string, feed: TenantFeed, catchUp: boolean): void {
    const previous = feed.reading ?? Promise.resolve();
    feed.reading = previous
      .then(async () => {
        const events = catchUp
          ? await readEvents(this.db, tenantId, feed.lastId)
          : await this.readAnnounced(tenantId, feed);
        for (const event of events) {
          if (feed.delivered.has(event.id)) continue;
          remember(feed.delivered, event.id);
          if (BigInt(event.id) > BigInt(feed.lastId)) feed.lastId = event.id;
          for (const listener of feed.listeners) listener(event);
        }
      })
      .catch((error: unknown) => {
        this.log.warn({ tenantId, error: (error as Error).message }, 'stream events not read');
      });
  }

  private async readAnnounced(tenantId: string, feed: TenantFeed): Promise<StreamEvent[]> {
    if (feed.announced.size === 0) return [];
    const ids = [...feed.announced];
    feed.announced.clear();
    return readEvents(this.db, tenantId, '0', ids.length, ids);
  }

  async stop(): Promise<void> {
    await this.flush();
    await this.unlisten?.();
    this.unlisten = undefined;
    await Promise.all([...this.feeds.values()].map((feed) => feed.reading));
    this.feeds.clear();
  }
}

function remember(ids: Set<string>, id: string): void {
  ids.add(id);
  if (ids.size > 2000) ids.delete(ids.values().next().value as string);
}
