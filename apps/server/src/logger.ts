/**
 * Structured JSON logs (pino) that never carry a secret. Two layers:
 * 1. known secret-bearing keys (password, token, authorization, …) are replaced by pino's redaction;
 * 2. every line is scrubbed of registered secret values (the encryption keys, the database
 *    password, decrypted credentials), so a secret that slips into a message or an error is
 *    removed too.
 */
import { pino, type Logger, type DestinationStream } from 'pino';

export type { Logger };

const redactedKeys = [
  'password',
  'passwordHash',
  'password_hash',
  'token',
  'accessToken',
  'refreshToken',
  'apiKey',
  'api_key',
  'secret',
  'secrets',
  'secretKey',
  'authorization',
  'Authorization',
  'cookie',
  'privateKey',
  'clientSecret',
  'databaseUrl',
  'DATABASE_URL',
  'PULSE_SECRET_KEY',
  'PULSE_SECRET_KEY_PREVIOUS',
];
const redactPaths = [
  ...redactedKeys,
  ...redactedKeys.map((key) => `*.${key}`),
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
];

/** Secret values to remove from every log line. Values shorter than 6 characters are ignored. */
export class SecretScrubber {
  readonly #values = new Set<string>();

  add(value: string | undefined): void {
    if (value !== undefined && value.length >= 6) this.#values.add(value);
  }

  scrub(text: string): string {
    let out = text;
    for (const value of this.#values) {
      if (out.includes(value)) out = out.split(value).join('[redacted]');
      const encoded = JSON.stringify(value).slice(1, -1);
      if (encoded !== value && out.includes(encoded)) out = out.split(encoded).join('[redacted]');
    }
    return out;
  }
}

export interface LoggerOptions {
  level: string;
  scrubber: SecretScrubber;
  /** Where lines go; standard output by default. */
  destination?: { write(line: string): unknown };
}

export function createLogger(options: LoggerOptions): Logger {
  const target = options.destination ?? process.stdout;
  const stream: DestinationStream = {
    write: (line: string) => {
      target.write(options.scrubber.scrub(line));
    },
  };
  return pino(
    {
      level: options.level,
      redact: { paths: redactPaths, censor: '[redacted]' },
      base: { service: 'pulse' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    stream,
  );
}
