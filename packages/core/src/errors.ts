/**
 * The registry of Pulse's stable error codes. Every error a user can see (CLI, API, logs) carries
 * one of these codes; the HTTP status and the default message/hint live here, in one place.
 * `docs/errors.md` is generated from this table and a test keeps the two in step.
 *
 * Codes are stable: renaming one breaks users' scripts and alerts. Add new codes, never reuse one.
 */
export interface ErrorSpec {
  readonly status: number;
  readonly message: string;
  readonly hint: string;
}

export const errorRegistry = {
  CONFIG_INVALID: {
    status: 500,
    message: 'A configuration value is invalid.',
    hint: 'Fix the variable named in the message; docs/configuration.md lists every setting with an example.',
  },
  CONFIG_FILE_INVALID: {
    status: 500,
    message: 'The configuration file cannot be read or is not a JSON object.',
    hint: 'PULSE_CONFIG_FILE must name a readable JSON file whose keys are setting names, e.g. {"PORT": 3000}.',
  },
  DATABASE_URL_INVALID: {
    status: 500,
    message: 'DATABASE_URL is not a valid PostgreSQL connection URL.',
    hint: 'Use the form postgres://USER:PASSWORD@HOST:5432/DATABASE, or unset DATABASE_URL to use the embedded database.',
  },
  DATABASE_UNREACHABLE: {
    status: 503,
    message: 'The database cannot be reached.',
    hint: 'Check that PostgreSQL is running and that host, port, user and database in DATABASE_URL are right (try: psql "$DATABASE_URL").',
  },
  DATA_DIR_UNUSABLE: {
    status: 500,
    message: 'The embedded database folder cannot be created or opened.',
    hint: 'Set PULSE_DATA_DIR to a folder this process can write to.',
  },
  DATA_DIR_LOCKED: {
    status: 500,
    message: 'Another Pulse process is using the embedded database folder.',
    hint: 'Stop the other process, or use PostgreSQL (DATABASE_URL) to run several Pulse processes at once.',
  },
  SECRET_KEY_MISSING: {
    status: 500,
    message: 'PULSE_SECRET_KEY is not set.',
    hint: 'With DATABASE_URL set, Pulse needs a 32-byte key to encrypt integration credentials. Generate one with: openssl rand -base64 32',
  },
  SECRET_KEY_INVALID: {
    status: 500,
    message: 'The secret key is not 32 bytes of base64 or hex.',
    hint: 'Generate a key with: openssl rand -base64 32 (44 characters) or openssl rand -hex 32 (64 characters).',
  },
  SECRET_KEY_UNKNOWN: {
    status: 500,
    message: 'A stored secret was encrypted under a key Pulse was not given.',
    hint: 'Add the old key to PULSE_SECRET_KEY_PREVIOUS (comma-separated), then run: pulse secrets rotate',
  },
  SECRET_DECRYPT_FAILED: {
    status: 500,
    message: 'A stored secret could not be decrypted; it was altered or belongs to another record.',
    hint: 'Re-enter the integration credentials; the stored value cannot be recovered.',
  },
  MIGRATION_FAILED: {
    status: 500,
    message: 'A database migration failed and was rolled back.',
    hint: 'Nothing of the failed migration was applied. Read the database error above, fix its cause and run: pulse migrate',
  },
  MIGRATION_CHECKSUM_MISMATCH: {
    status: 500,
    message: 'An applied migration file was changed after it ran.',
    hint: 'Migrations are immutable once released: restore the original file and add a new numbered migration instead.',
  },
  MIGRATION_UNKNOWN: {
    status: 500,
    message: 'The database has migrations this version of Pulse does not know.',
    hint: 'The database was upgraded by a newer Pulse. Run that version, or restore a backup taken before the upgrade.',
  },
  MIGRATIONS_PENDING: {
    status: 503,
    message: 'The database schema is not up to date.',
    hint: 'Run: pulse migrate',
  },
  TENANT_REQUIRED: {
    status: 400,
    message: 'This operation needs a tenant.',
    hint: 'Pass the tenant id or slug, e.g. --tenant acme.',
  },
  TENANT_NOT_FOUND: {
    status: 404,
    message: 'No such tenant.',
    hint: 'List tenants with: pulse admin tenant list',
  },
  TENANT_SLUG_INVALID: {
    status: 400,
    message:
      'A tenant slug is 2 to 63 characters of lower-case letters, digits and dashes, starting with a letter or digit.',
    hint: 'For example: acme or acme-eu.',
  },
  TENANT_SLUG_TAKEN: {
    status: 409,
    message: 'A tenant with this slug already exists.',
    hint: 'Choose another slug; list existing tenants with: pulse admin tenant list',
  },
  DEMO_TENANT_EXISTS: {
    status: 409,
    message:
      'A tenant with this slug already exists; the demo organisation is only loaded into a new tenant.',
    hint: 'Choose another --tenant or start with an empty PULSE_DATA_DIR.',
  },
  USER_EMAIL_INVALID: {
    status: 400,
    message: 'The e-mail address is not valid.',
    hint: 'Use an address of the form name@example.com.',
  },
  USER_ALREADY_MEMBER: {
    status: 409,
    message: 'This user is already a member of the tenant.',
    hint: 'Change the role of an existing member instead of adding them again.',
  },
  ROLE_INVALID: {
    status: 400,
    message: 'Unknown role.',
    hint: 'Roles are admin, member and viewer.',
  },
  PASSWORD_TOO_SHORT: {
    status: 400,
    message: 'The password is shorter than 12 characters.',
    hint: 'Use a longer passphrase; a password manager can generate one.',
  },
  PASSWORD_INPUT_EMPTY: {
    status: 400,
    message: 'No password was read from standard input.',
    hint: 'Pipe the password in, e.g.: printf \'%s\' "$PASSWORD" | pulse admin user create ... --password-stdin',
  },
  TEAM_NOT_FOUND: {
    status: 404,
    message: 'No such team.',
    hint: 'Name the team by its key or name as listed in the teams of the tenant.',
  },
  REPOSITORY_NOT_FOUND: {
    status: 404,
    message: 'No such repository.',
    hint: 'Name repositories by full name (owner/name) or by name, as synced from the source.',
  },
  VALIDATION_FAILED: {
    status: 400,
    message: 'The input is invalid.',
    hint: 'The message names the field that is wrong and what is expected.',
  },
  NOT_FOUND: {
    status: 404,
    message: 'No such resource.',
    hint: 'Check the method and the path of the request.',
  },
  INTERNAL: {
    status: 500,
    message: 'Something went wrong inside Pulse.',
    hint: 'The server log has the details under the request id; please report it if it happens again.',
  },
} as const satisfies Record<string, ErrorSpec>;

export type ErrorCode = keyof typeof errorRegistry;

export function isErrorCode(value: string): value is ErrorCode {
  return Object.hasOwn(errorRegistry, value);
}

/** An expected, user-facing failure with a stable code. Bugs throw plain Errors instead. */
export class PulseError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly hint: string;

  constructor(code: ErrorCode, detail?: { message?: string; hint?: string; cause?: unknown }) {
    const spec: ErrorSpec = errorRegistry[code];
    super(detail?.message ?? spec.message, detail?.cause === undefined ? undefined : { cause: detail.cause });
    this.name = 'PulseError';
    this.code = code;
    this.status = spec.status;
    this.hint = detail?.hint ?? spec.hint;
  }

  /** The public shape used in API bodies and JSON CLI output. */
  toJSON(): { code: ErrorCode; message: string; hint: string } {
    return { code: this.code, message: this.message, hint: this.hint };
  }
}

export function isPulseError(error: unknown): error is PulseError {
  return error instanceof PulseError;
}
