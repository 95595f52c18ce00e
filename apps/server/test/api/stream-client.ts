/**
 * A test client of WebSocket /api/v1/stream: connects, says hello, and collects every message so a
 * test can wait for the one it expects.
 */
import { expect } from 'vitest';
import WebSocket from 'ws';

export interface StreamMessage {
  readonly type: 'ready' | 'event' | 'error';
  readonly id?: string;
  readonly topic?: string;
  readonly data?: Record<string, unknown>;
  readonly lastEventId?: string | null;
  readonly resumed?: boolean;
  readonly error?: { code: string; message: string; hint?: string };
}

export interface StreamClient {
  readonly messages: StreamMessage[];
  readonly events: () => StreamMessage[];
  /** Resolves with the first message (already received or arriving) that satisfies `match`. */
  waitFor(match: (message: StreamMessage) => boolean, timeoutMs?: number): Promise<StreamMessage>;
  /** Resolves with the close code once the server closed the connection. */
  readonly closed: Promise<number>;
  close(): Promise<void>;
}

export async function openStream(baseUrl: string, hello: unknown): Promise<StreamClient> {
  const ws = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/api/v1/stream`);
  const messages: StreamMessage[] = [];
  const waiters: (() => void)[] = [];
  ws.on('message', (raw) => {
    messages.push(JSON.parse(String(raw)) as StreamMessage);
    for (const wake of waiters.splice(0)) wake();
  });
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  ws.send(typeof hello === 'string' ? hello : JSON.stringify(hello));
  const waitFor = async (match: (message: StreamMessage) => boolean, timeoutMs = 15_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = messages.find(match);
      if (found !== undefined) return found;
      const left = deadline - Date.now();
      if (left <= 0) expect.fail(`no such stream message; received: ${JSON.stringify(messages)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  };
  return {
    messages,
    events: () => messages.filter((m) => m.type === 'event'),
    waitFor,
    closed,
    close: async () => {
      if (ws.readyState === WebSocket.CLOSED) return;
      ws.close();
      await closed;
    },
  };
}
