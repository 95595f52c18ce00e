/**
 * WebSocket /api/v1/stream. A browser cannot set headers on a WebSocket, so the client
 * authenticates with its first message:
 *
 *   → {"type":"hello","token":"…","topics":["sync-runs","data"],"after":"41"}
 *   ← {"type":"ready","lastEventId":"57","resumed":true}
 *   ← {"type":"event","id":"42","topic":"sync-runs","data":{…}} …
 *
 * Events after `after` are replayed first (up to the replay limit; beyond it `resumed` is false
 * and the client should reload what it shows). The credential is checked again every minute, so a
 * revoked key or a removed member loses the stream too; failures arrive as
 * {"type":"error","error":{code,message,hint}} followed by a close (4401 credential, 4400 message).
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { z } from 'zod';
import { PulseError, isPulseError } from '@pulse/core';
import type { Db } from '@pulse/db';
import type { TokenKeys } from '../auth/access-token.ts';
import { authenticate, type Principal } from '../auth/principal.ts';
import type { Logger } from '../logger.ts';
import type { StreamBus } from './bus.ts';
import { readEvents, replayLimit, streamTopics, type StreamEvent } from './events.ts';

export const streamPath = '/api/v1/stream';

export interface StreamOptions {
  readonly helloTimeoutMs?: number;
  readonly recheckMs?: number;
  readonly pingMs?: number;
  /** Unsent bytes beyond which a client is disconnected as too slow. */
  readonly maxBufferedBytes?: number;
}

const hello = z.strictObject({
  type: z.literal('hello'),
  token: z.string().min(1).max(4096),
  topics: z.array(z.enum(streamTopics)).min(1).optional(),
  after: z
    .string()
    .regex(/^\d{1,18}$/)
    .optional(),
});

export function createStreamServer(
  deps: { db: Db; tokens: TokenKeys; bus: StreamBus; log: Logger },
  options: StreamOptions = {},
): { upgrade: (request: IncomingMessage, socket: Duplex, head: Buffer) => void; close: () => void } {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 16 * 1024 });
  wss.on('connection', (ws) => serve(ws, deps, options));
  return {
    upgrade: (request, socket, head) => {
      wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
    },
    close: () => {
      for (const client of wss.clients) client.close(1001, 'server shutting down');
      wss.close();
    },
  };
}

function serve(
  ws: WebSocket,
  deps: { db: Db; tokens: TokenKeys; bus: StreamBus; log: Logger },
  options: StreamOptions,
): void {
  const cleanups: (() => void)[] = [];
  const fail = (error: PulseError, code: number) => {
    send({ type: 'error', error: error.toJSON() });
    ws.close(code, error.code);
  };
  const send = (message: unknown) => {
    if (ws.readyState !== ws.OPEN) return;
    if (ws.bufferedAmount > (options.maxBufferedBytes ?? 1 << 20)) {
      ws.close(4429, 'STREAM_TOO_SLOW');
      return;
    }
    ws.send(JSON.stringify(message));
  };
  ws.on('close', () => {
    for (const cleanup of cleanups) cleanup();
  });
  ws.on('error', () => ws.terminate());

  const helloTimer = setTimeout(
    () =>
      fail(new PulseError('STREAM_HELLO_INVALID', { message: 'No hello message arrived in time.' }), 4400),
    options.helloTimeoutMs ?? 10_000,
  );
  cleanups.push(() => clearTimeout(helloTimer));

  let greeted = false;
  ws.on('message', (raw) => {
    if (greeted) return; // clients have nothing more to say; extra messages are ignored
    greeted = true;
    clearTimeout(helloTimer);
    let message: z.infer<typeof hello>;
    try {
      message = hello.parse(JSON.parse(String(raw)));
    } catch {
      fail(new PulseError('STREAM_HELLO_INVALID'), 4400);
      return;
    }
    start(message).catch((error: unknown) => {
      if (isPulseError(error)) fail(error, error.status === 401 || error.status === 403 ? 4401 : 4400);
      else {
        deps.log.error({ err: error }, 'stream failed');
        fail(new PulseError('INTERNAL'), 1011);
      }
    });
  });

  async function start(message: z.infer<typeof hello>): Promise<void> {
    const bearer = `Bearer ${message.token}`;
    const principal: Principal = await authenticate(deps.db, deps.tokens, bearer);
    const topics = new Set(message.topics ?? streamTopics);
    const wanted = (event: StreamEvent) => topics.has(event.topic);
    // Live events wait while the replay runs, then go out after it, each once.
    let live = false;
    const held: StreamEvent[] = [];
    const sent = new Set<string>();
    const deliver = (event: StreamEvent) => {
      if (!wanted(event) || sent.has(event.id)) return;
      sent.add(event.id);
      if (sent.size > 5000) sent.delete(sent.values().next().value as string);
      send({ type: 'event', id: event.id, topic: event.topic, data: event.data });
    };
    const subscription = await deps.bus.subscribe(principal.tenantId, (event) =>
      live ? deliver(event) : held.push(event),
    );
    cleanups.push(subscription.unsubscribe);
    if (ws.readyState !== ws.OPEN) return;
    const replay =
      message.after === undefined
        ? []
        : await readEvents(deps.db, principal.tenantId, message.after, replayLimit + 1);
    const resumed = message.after !== undefined && replay.length <= replayLimit;
    send({ type: 'ready', lastEventId: subscription.lastEventId, resumed });
    if (resumed) for (const event of replay) deliver(event);
    live = true;
    for (const event of held.splice(0)) deliver(event);

    const recheck = setInterval(() => {
      authenticate(deps.db, deps.tokens, bearer).catch((error: unknown) => {
        if (isPulseError(error)) fail(error, 4401);
      });
    }, options.recheckMs ?? 60_000);
    let alive = true;
    ws.on('pong', () => (alive = true));
    const ping = setInterval(() => {
      if (!alive) ws.terminate();
      alive = false;
      ws.ping();
    }, options.pingMs ?? 30_000);
    cleanups.push(
      () => clearInterval(recheck),
      () => clearInterval(ping),
    );
  }
}
