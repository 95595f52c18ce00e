import { refreshSession } from '../../../lib/api/refresh-session.ts';
import { sessionStore } from '../../../lib/api/session-store.ts';
import type { StreamStatus } from './stream-context.ts';
import type { StreamMessage } from './stream-message.ts';

/**
 * Keeps a WebSocket to /api/v1/stream open: authenticates with the first message, resumes after
 * the last event seen, reconnects with backoff (renewing the access token when the server
 * rejected it). Returns a function that closes it for good.
 */
export function openStream(
  onMessage: (message: StreamMessage) => void,
  onStatus: (status: StreamStatus) => void,
): () => void {
  let socket: WebSocket | null = null;
  let lastId: string | undefined;
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const connect = async () => {
    let session = sessionStore.get();
    if (session === null || stopped) return;
    if (session.expiresAt - 30_000 < Date.now()) session = await refreshSession(session);
    if (session === null || stopped) return;
    onStatus('connecting');
    const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/v1/stream`;
    const ws = new WebSocket(url);
    socket = ws;
    let ready = false;
    ws.onopen = () =>
      ws.send(
        JSON.stringify({
          type: 'hello',
          token: session.accessToken,
          topics: ['sync-runs', 'data'],
          ...(lastId === undefined ? {} : { after: lastId }),
        }),
      );
    ws.onmessage = (event) => {
      let message: StreamMessage;
      try {
        message = JSON.parse(String(event.data)) as StreamMessage;
      } catch {
        return;
      }
      if (message.type === 'ready') {
        ready = true;
        attempt = 0;
        lastId = message.lastEventId ?? lastId;
        onStatus('live');
      } else if (message.type === 'event') lastId = message.id;
      onMessage(message);
    };
    ws.onclose = (event) => {
      if (socket === ws) socket = null;
      onStatus('unavailable');
      if (stopped) return;
      // A rejected token is renewed before the next attempt; other failures back off up to 30 s.
      if (event.code === 4401) {
        const current = sessionStore.get();
        if (current !== null) void refreshSession(current).catch(() => undefined);
      }
      attempt = ready ? 0 : attempt + 1;
      timer = setTimeout(() => void connect(), Math.min(30_000, 1000 * 2 ** Math.min(attempt, 5)));
    };
  };

  void connect();
  return () => {
    stopped = true;
    clearTimeout(timer);
    socket?.close(1000, 'leaving');
  };
}
