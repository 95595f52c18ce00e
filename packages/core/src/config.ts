/**
 * Pulse's configuration: one table of settings, each with its parser, default and an example.
 * Values come from the environment and, optionally, a JSON file (PULSE_CONFIG_FILE); the
 * environment wins. `docs/configuration.md` is generated from this table (a test keeps it in step).
 *
 * Parsing is pure: reading the environment or the file is the caller's job.
 */
import { delimiter, isAbsolute } from 'node:path';
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

function wholeNumber(min: number, max: number) {
  return z.coerce
    .number({ message: 'must be a whole number' })
    .int('must be a whole number')
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`);
}

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

/** The non-empty, trimmed items of a list separated by `separator`. */
function splitList(value: string, separator: string | RegExp): string[] {
  return value
    .split(separator)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

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
      'Reverse proxies or load balancers, comma-separated (IP addresses, CIDR ranges, or `loopback`, `linklocal`, `uniquelocal`), whose X-Forwarded-For is believed: the client address is the last one not on this list. Unset or `false`: X-Forwarded-For is ignored. `true` (trust every hop) is refused: any client could then choose its address. The address is what login throttling counts by.',
    example: '10.0.0.1,192.168.0.0/16',
    default: 'false',
    schema: z
      .string()
      .refine(
        (value) => value.trim().toLowerCase() !== 'true',
        'must list the proxies (e.g. 10.0.0.1 or loopback): true would trust every hop, so any client could forge X-Forwarded-For',
      )
      .transform((value) => (value.trim().toLowerCase() === 'false' ? [] : splitList(value, ',')))
      .refine((hops) => hops.every(isTrustedHop), 'must be IP addresses or CIDR ranges, comma-separated'),
  },
  PULSE_LOGIN_ATTEMPTS_PER_MINUTE: {
    description:
      'Login attempts one client address may make per minute, counted across all servers on one PostgreSQL database, on top of the doubling delays after failed logins (docs/security.md).',
    example: '10',
    default: '20',
    schema: wholeNumber(1, 100_000),
  },
  PULSE_RATE_LIMIT_PER_MINUTE: {
    description:
      'API requests one API key or one user may make per minute (429 RATE_LIMITED beyond it); counted across all servers on one PostgreSQL database.',
    example: '1200',
    default: '600',
    schema: wholeNumber(1, 1_000_000),
  },
  PULSE_RATE_LIMIT_ANONYMOUS_PER_MINUTE: {
    description:
      'API requests per minute from one client address to public routes or with a credential that fails (IPv6 addresses count by /64).',
    example: '120',
    default: '300',
    schema: wholeNumber(1, 1_000_000),
  },
  PULSE_RATE_LIMIT_STORE: {
    description:
      'Where rate-limit counters live: `database` (shared by every server on the database), `memory` (this process only), or `auto`: database on PostgreSQL, memory on the embedded database.',
    example: 'database',
    default: 'auto',
    schema: z.enum(['auto', 'database', 'memory'], { message: 'must be auto, database or memory' }),
  },
  PULSE_REPORT_CONCURRENCY: {
    description:
      'Metric reports (DORA, pull requests) one tenant may have computed at once on one server; cached answers do not count.',
    example: '2',
    default: '4',
    schema: wholeNumber(1, 1_000),
  },
  PULSE_REPORT_QUEUE: {
    description:
      'Reports of one tenant that may wait for a free slot on one server; beyond it they get 429 REPORTS_BUSY at once.',
    example: '8',
    default: '16',
    schema: wholeNumber(0, 100_000),
  },
  PULSE_REPORT_WAIT_MS: {
    description: 'Longest wait of a report for a slot, in milliseconds, before 429 REPORTS_BUSY.',
    example: '2000',
    default: '5000',
    schema: wholeNumber(0, 600_000),
  },
  PULSE_API_MAX_RANGE_DAYS: {
    description:
      'Longest period (to - from, in days) a metric report or a listing with both bounds may ask for; longer ones are refused with DATE_RANGE_TOO_LARGE.',
    example: '730',
    default: '3653',
    schema: z.coerce
      .number({ message: 'must be a whole number' })
      .int('must be a whole number')
      .min(1, 'must be at least 1')
      .max(3_000_000, 'must be at most 3000000'),
  },
  PULSE_REPORT_TIMEOUT_SECONDS: {
    description:
      'How long the statements of one metric report or listing may run (PostgreSQL statement_timeout) before the request is answered with REPORT_TIMEOUT (503). The embedded database cannot stop a statement, so there only the period limit applies.',
    example: '30',
    default: '15',
    schema: z.coerce
      .number({ message: 'must be a number of seconds' })
      .min(0.1, 'must be at least 0.1')
      .max(3600, 'must be at most 3600'),
  },
  PULSE_GIT_ROOTS: {
    description:
      'Folders, comma-separated (or separated like PATH), under which local git repositories may be read. A tenant reads only `<root>/<tenant-slug>/` of each root, plus its PULSE_GIT_GRANTS. Unset: the `repositories` folder beside PULSE_DATA_DIR (`./.pulse/repositories` by default).',
    example: '/srv/pulse/git',
    schema: z
      .string()
      .optional()
      .transform((value) => splitList(value ?? '', /[,]/).flatMap((item) => splitList(item, delimiter)))
      .refine((roots) => roots.every(isAbsolute), 'must be absolute folder paths, e.g. /srv/pulse/git')
      .transform((roots) => (roots.length === 0 ? undefined : roots)),
  },
  PULSE_GIT_GRANTS: {
    description:
      'Extra folders one tenant may read local git repositories from, outside its folder under PULSE_GIT_ROOTS: comma-separated `tenant-slug:/absolute/path` pairs. A grant covers the folder and everything beneath it.',
    example: 'acme:/srv/git/shared/api.git,globex:/srv/git/globex',
    schema: z
      .string()
      .optional()
      .transform((value) =>
        splitList(value ?? '', /,/).map((pair) => {
          const at = pair.indexOf(':');
          return { tenant: pair.slice(0, Math.max(at, 0)).trim(), path: pair.slice(at + 1).trim() };
        }),
      )
      .refine(
        (grants) => grants.every((g) => /^[a-z0-9][a-z0-9-]{1,62}$/.test(g.tenant) && isAbsolute(g.path)),
        'must be tenant-slug:/absolute/path pairs separated by commas',
      ),
  },
  PULSE_EGRESS_ALLOW: {
    description:
      'Hosts and networks, comma-separated, that integrations may reach although they are private: Pulse connects only to public addresses unless listed here (loopback, private, CGNAT, link-local and cloud metadata addresses are refused). Entries are host names (`ghe.corp.example`), host suffixes (`.corp.example`), addresses or CIDR ranges (`10.20.0.0/16`). For GitHub Enterprise, Jira Data Center or GitLab on a private network.',
    example: 'ghe.corp.example,10.20.0.0/16',
    schema: z
      .string()
      .optional()
      .transform((value) => splitList(value ?? '', ','))
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

const namedHops = new Set(['loopback', 'linklocal', 'uniquelocal']);

const hopFormats = [z.ipv4(), z.ipv6(), z.cidrv4(), z.cidrv6()];

/** An address, a CIDR range (address/bits) or a name proxy-addr knows (loopback, linklocal, uniquelocal). */
function isTrustedHop(hop: string): boolean {
  return namedHops.has(hop) || hopFormats.some((format) => format.safeParse(hop).success);
}

/** Shows what was given without echoing secrets or credentials back. */
function describeValue(name: string, value: unknown): string {
  if (name.includes('SECRET') || name === 'DATABASE_URL') return 'a value that is hidden here';
  return JSON.stringify(value);
}
