/**
 * LISTEN on PostgreSQL needs a connection of its own (a pooled one would hand the subscription to
 * whichever query borrows it next). The connection is re-opened when it drops, with a growing
 * delay, and the listener is told (payload `undefined`) so it can catch up on what it missed.
 */
import pg from 'pg';
import { quoteIdent } from './copy-text.ts';

export async function listenPostgres(
  url: string,
  channel: string,
  onNotify: (payload: string | undefined) => void,
): Promise<() => Promise<void>> {
  let client: pg.Client | undefined;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  let delayMs = 100;

  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: url, application_name: 'pulse-listen' });
    next.on('notification', (message) => {
      if (message.channel === channel) onNotify(message.payload ?? '');
    });
    next.on('error', () => reconnect(next));
    next.on('end', () => reconnect(next));
    try {
      await next.connect();
      await next.query(`LISTEN ${quoteIdent(channel)}`);
    } catch (error) {
      // A refused attempt (the server still down) must not leave a half-open client behind.
      await next.end().catch(() => {});
      throw error;
    }
    client = next;
    delayMs = 100;
  };

  const reconnect = (failed: pg.Client): void => {
    if (stopped || failed !== client || retry !== undefined) return;
    client = undefined;
    failed.end().catch(() => {});
    const attempt = (): void => {
      retry = setTimeout(() => {
        connect()
          .then(() => {
            retry = undefined;
            onNotify(undefined);
          })
          .catch(() => {
            delayMs = Math.min(delayMs * 2, 10_000);
            attempt();
          });
      }, delayMs);
      retry.unref();
    };
    attempt();
  };

  await connect();
  return async () => {
    stopped = true;
    if (retry !== undefined) clearTimeout(retry);
    const current = client;
    client = undefined;
    await current?.end().catch(() => {});
  };
}
