/**
 * Pulse's configuration: one table of settings, each with its parser, default and an example.
 * Values come from the environment and, optionally, a JSON file (PULSE_CONFIG_FILE); the
 * environment wins. `docs/configuration.md` is generated from this table (a test keeps it in step).
 *
 * Parsing is pure: reading the environment or the file is the caller's job.
 */
import { z } from 'zod';
import { PulseError, type ErrorCode } from './errors.ts';

export interface Setting<T> {
  readonly description: string;
  readonly example: string;
  readonly default?: string;
  readonly schema: z.ZodType<T>;
  /** Error code used when the value is rejected; CONFIG_INVALID unless more specific. */
  readonly code?: ErrorCode;
}

const port = z.coerce
  .number({ message: 'must be a whole number' })
  .int('must be a whole number')
  .min(0, 'must be between 0 and 65535')
  .max(65535, 'must be between 0 and 65535');

const postgresUrl = z.string().refine((value) => {
  try {
    const url = new URL(value);
    return (url.protocol === 'postgres:' || url.protocol === 'postgresql:') && url.hostname !== '';
  } catch {
    return false;
  }
}, 'must be a URL of the form postgres://USER:PASSWORD@HOST:PORT/DATABASE');

const bytes = z.coerce
  .number({ message: 'must be a whole number of bytes' })
  .int('must be a whole number of bytes')
  .min(1024, 'must be at least 1024')
  .max(1024 * 1024 * 1024, 'must be at most 1073741824');

const milliseconds = z.coerce
  .number({ message: 'must be a whole number of milliseconds' })
  .int('must be a whole number of milliseconds')
  .min(100, 'must be at least 100')
  .max(600_000, 'must be at most 600000');

const optionalText = z
  .string()
  .transform((value) => (value.trim() === '' ? undefined : value.trim()))
  .optional();

export const settings = {
  DATABASE_URL: {
    description:
      'PostgreSQL connection URL. When unset, Pulse uses the embedded database (PGlite) in PULSE_DATA_DIR.',
    example: 'postgres://pulse:secret@127.0.0.1:5432/pulse',
    schema: postgresUrl.optional(),
    code: 'DATABASE_URL_INVALID',
  },
  DATABASE_POOL_MAX: {
    description: 'Largest number of PostgreSQL connections one Pulse process opens.',
    example: '10',
    default: '10',
    schema: z.coerce
      .number({ message: 'must be a whole number' })
      .int('must be a whole number')
      .min(1, 'must be at least 1')
      .max(200, 'must be at most 200'),
  },
  PULSE_DATA_DIR: {
    description: 'Folder of the embedded database; created on first start.',
    example: '/var/lib/pulse/data',
    default: './.pulse/data',
    schema: z.string().min(1, 'must not be empty'),
  },
  PULSE_SECRET_KEY: {
    description:
      'Key that encrypts integration credentials: 32 bytes as base64 (44 characters) or hex (64 characters). Required with DATABASE_URL; in embedded mode a key file is generated when unset.',
    example: 'output of: openssl rand -base64 32',
    schema: optionalText,
  },
  PULSE_SECRET_KEY_PREVIOUS: {
    description:
      'Earlier keys, comma-separated, still accepted for decryption while `pulse secrets rotate` re-encrypts under the current key.',
    example: 'q2V0...=,7f3a...',
    schema: optionalText,
  },
  PULSE_SECRET_KEY_FILE: {
    description:
      'Key file used in embedded mode when PULSE_SECRET_KEY is unset: one key per line, newest first; generated with permissions 0600.',
    example: '/var/lib/pulse/secret.key',
    default: './.pulse/secret.key',
    schema: z.string().min(1, 'must not be empty'),
  },
  HOST: {
    description: 'Address the HTTP server binds to. The default accepts local connections only.',
    example: '0.0.0.0',
    default: '127.0.0.1',
    schema: z.string().min(1, 'must not be empty'),
  },
  PORT: {
    description:
      'TCP port of the HTTP server; 0 picks a free port (the URL printed at start-up shows which).',
    example: '3000',
    default: '3000',
    schema: port,
  },
  LOG_LEVEL: {
    description:
      'Least severe log level written. `pulse serve` writes JSON lines to standard output; other commands log to standard error at `warn` unless LOG_LEVEL is set.',
    example: 'debug',
    default: 'info',
    schema: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      message: 'must be one of fatal, error, warn, info, debug, trace, silent',
    }),
  },
  PULSE_CORS_ORIGINS: {
    description:
      'Web origins, comma-separated, whose pages may call the API from a browser (CORS); `*` allows any. Unset: only pages Pulse serves itself.',
    example: 'https://grafana.example.com,https://intranet.example.com',
    schema: z
      .string()
      .optional()
      .transform((value) =>
        (value ?? '')
          .split(',')
          .map((origin) => origin.trim().replace(/\/+$/, ''))
          .filter((origin) => origin !== ''),
      )
      .refine(
        (origins) => origins.every((o) => o === '*' || /^https?:\/\/[^/\s]+$/.test(o)),
        'must be origins like https://app.example.com (scheme and host, no path), or *',
      ),
  },
  PULSE_CONTENT_SECURITY_POLICY: {
    description:
      'Content-Security-Policy header of every response; `off` sends none. The default allows only Pulse’s own scripts, styles and connections, and images from https and data URLs (tenant logos).',
    example: "default-src 'self'; img-src 'self' data: https:",
    default:
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; connect-src 'self' ws: wss:; font-src 'self' data:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
    schema: z.string().transform((value) => (value.trim().toLowerCase() === 'off' ? null : value.trim())),
  },
  PULSE_HSTS_SECONDS: {
    description:
      'When above 0, responses carry Strict-Transport-Security with this max-age. Set it when Pulse is served over HTTPS (directly or behind a proxy).',
    example: '31536000',
    default: '0',
    schema: z.coerce
      .number({ message: 'must be a whole number' })
      .int('must be a whole number')
      .min(0, 'must be 0 or more'),
  },
  PULSE_TRUST_PROXY: {
    description:
      'Take the client address from X-Forwarded-For (true behind a reverse proxy or load balancer). It is what login rate limits count by.',
    example: 'true',
    default: 'false',
    schema: z.enum(['true', 'false'], { message: 'must be true or false' }).transform((v) => v === 'true'),
  },
  PULSE_LOGIN_ATTEMPTS_PER_MINUTE: {
    description:
      'Login attempts one client address may make per minute on one server, on top of the per-account lockout after five failures.',
    example: '10',
    default: '20',
    schema: z.coerce
      .number({ message: 'must be a whole number' })
      .int('must be a whole number')
      .min(1, 'must be at least 1')
      .max(100_000, 'must be at most 100000'),
  },
  PULSE_EGRESS_ALLOW: {
    description:
      'Hosts and networks, comma-separated, that integrations may reach although they are private: Pulse connects only to public addresses unless listed here (loopback, private, CGNAT, link-local and cloud metadata addresses are refused). Entries are host names (`ghe.corp.example`), host suffixes (`.corp.example`), addresses or CIDR ranges (`10.20.0.0/16`). For GitHub Enterprise, Jira Data Center or GitLab on a private network.',
    example: 'ghe.corp.example,10.20.0.0/16',
    schema: z
      .string()
      .optional()
      .transform((value) =>
        (value ?? '')
          .split(',')
          .map((entry) => entry.trim())
          .filter((entry) => entry !== ''),
      )
      .refine(
        (entries) => entries.every((e) => /^[\w.:/-]+$/.test(e) && !e.includes('//')),
        'must be host names, addresses or CIDR ranges (like 10.0.0.0/8), comma-separated',
      ),
    code: 'EGRESS_ALLOW_INVALID',
  },
  PULSE_EGRESS_MAX_RESPONSE_BYTES: {
    description:
      'Largest response body Pulse reads from a source during a sync (one page); a larger answer fails that request with EGRESS_RESPONSE_TOO_LARGE.',
    example: '52428800',
    default: '20971520',
    schema: bytes,
  },
  PULSE_EGRESS_CHECK_MAX_RESPONSE_BYTES: {
    description: 'Largest response body Pulse reads while testing an integration connection.',
    example: '1048576',
    default: '1048576',
    schema: bytes,
  },
  PULSE_EGRESS_TIMEOUT_MS: {
    description:
      'Time limit of one request to a source during a sync, from sending it to the last byte of the answer (headers and body); retried like a network error.',
    example: '60000',
    default: '30000',
    schema: milliseconds,
  },
  PULSE_EGRESS_CHECK_TIMEOUT_MS: {
    description: 'Time limit of one request while testing an integration connection (headers and body).',
    example: '5000',
    default: '10000',
    schema: milliseconds,
  },
  PULSE_CONFIG_FILE: {
    description: 'Optional JSON file with any of these settings as keys; environment variables override it.',
    example: '/etc/pulse/config.json',
    schema: optionalText,
  },
} as const satisfies Record<string, Setting<unknown>>;

export type SettingName = keyof typeof settings;
export type Config = { [K in SettingName]: z.output<(typeof settings)[K]['schema']> };

export function isSettingName(name: string): name is SettingName {
  return Object.hasOwn(settings, name);
}

/**
 * Validates raw values (strings from the environment or values from the config file).
 * Throws a PulseError naming the first bad setting, what is wrong and a good example.
 */
export function parseConfig(raw: Readonly<Record<string, unknown>>): Config {
  const out: Record<string, unknown> = {};
  for (const [name, setting] of Object.entries(settings) as [SettingName, Setting<unknown>][]) {
    const given = raw[name];
    const value = given === undefined || given === '' ? setting.default : given;
    const result = setting.schema.safeParse(value);
    if (!result.success) {
      const reason = result.error.issues[0]?.message ?? 'is invalid';
      throw new PulseError(setting.code ?? 'CONFIG_INVALID', {
        message: `${name} ${reason} (got ${describeValue(name, given)}).`,
        hint: `Example: ${name}=${setting.example}. See docs/configuration.md.`,
      });
    }
    out[name] = result.data;
  }
  return out as Config;
}

/** Shows what was given without echoing secrets or credentials back. */
function describeValue(name: string, value: unknown): string {
  if (name.includes('SECRET') || name === 'DATABASE_URL') return 'a value that is hidden here';
  return JSON.stringify(value);
}
