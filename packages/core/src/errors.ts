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
  INVITATION_INVALID: {
    status: 404,
    message: 'There is no such pending invitation: unknown, expired, already used, or not for this account.',
    hint: 'Ask an admin of the tenant to invite you again (POST /api/v1/users); an invitation lasts 7 days.',
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
  INTEGRATION_KIND_UNKNOWN: {
    status: 400,
    message: 'There is no connector of this kind.',
    hint: 'Use one of the kinds Pulse knows: github, git (docs/connectors/ has one page per connector).',
  },
  INTEGRATION_CONFIG_INVALID: {
    status: 400,
    message: 'The integration configuration is invalid.',
    hint: 'Fix the setting named in the message; docs/connectors/<kind>.md lists every setting with an example.',
  },
  INTEGRATION_SECRETS_INVALID: {
    status: 400,
    message: 'The integration credentials are missing or invalid.',
    hint: 'Give the credentials the connector needs, e.g. a GitHub token with --token-stdin.',
  },
  INTEGRATION_NAME_TAKEN: {
    status: 409,
    message: 'An integration with this name exists already.',
    hint: 'Choose another name, or remove the existing one with: pulse integrations remove NAME',
  },
  INTEGRATION_NOT_FOUND: {
    status: 404,
    message: 'There is no such integration.',
    hint: 'List the integrations with: pulse integrations list',
  },
  SYNC_RUN_NOT_FOUND: {
    status: 404,
    message: 'There is no such sync run.',
    hint: 'List recent runs with: pulse sync status',
  },
  SYNC_RUN_STATE_INVALID: {
    status: 409,
    message: 'The sync run is not in a state that allows this.',
    hint: 'Only a queued or running run can be paused or cancelled, and only a paused run resumed. See: pulse sync status',
  },
  SOURCE_HTTP_ERROR: {
    status: 502,
    message: 'The source rejected a request.',
    hint: 'The message gives the status and the request path; check that the integration settings (owner, repository, project key) name things that exist and are visible to its token.',
  },
  SOURCE_AUTH_FAILED: {
    status: 502,
    message: 'The source refused the integration credentials.',
    hint: 'The token is missing, expired, revoked or lacks a scope or permission. Create a new token with the scopes listed in the connector documentation and update the integration.',
  },
  SOURCE_RATE_LIMITED: {
    status: 503,
    message: 'The source rate limit will not reset soon enough to wait for it.',
    hint: 'The message says when the limit resets; the sync resumes from its checkpoint if you run it again after that time. Syncing fewer repositories at once or a token with a higher limit also helps.',
  },
  SOURCE_UNAVAILABLE: {
    status: 503,
    message: 'The source did not answer successfully after several attempts.',
    hint: 'The source is down, slow or unreachable from this host (network, proxy, firewall, base URL). Check its status page and the base URL, then run the sync again; it resumes from its checkpoint. Pulse connects to public addresses only: a source on a private network must be listed in PULSE_EGRESS_ALLOW by the operator.',
  },
  SOURCE_RESPONSE_INVALID: {
    status: 502,
    message: 'The source answered with a body that is not valid JSON.',
    hint: 'A proxy or gateway in between may be cutting or replacing responses; check the base URL points at the API itself, then run the sync again.',
  },
  SOURCE_NOT_FOUND: {
    status: 404,
    message:
      'A repository (or other source object) named by the integration does not exist or is not visible to its token.',
    hint: "Check the name in the integration settings; a deleted, renamed or private repository needs its name fixed or the token given access (GitHub: the repo scope, or the organisation's SSO authorisation).",
  },
  EGRESS_URL_INVALID: {
    status: 400,
    message: 'The base URL cannot be used for outbound requests.',
    hint: 'Give the API root as scheme, host and path only, e.g. https://api.github.com or https://acme.atlassian.net: http or https, no user:password@, no ?query and no #fragment.',
  },
  EGRESS_REDIRECT_DENIED: {
    status: 502,
    message: 'The source redirected the request to another origin (or too many times); Pulse did not follow.',
    hint: 'Credentials are never sent to another origin. Set the base URL to the address the source answers at itself (scheme, host and port included).',
  },
  EGRESS_RESPONSE_TOO_LARGE: {
    status: 502,
    message: 'The source answered with a body larger than Pulse reads.',
    hint: 'Check the base URL points at the API itself; an operator can raise PULSE_EGRESS_MAX_RESPONSE_BYTES (data requests) or PULSE_EGRESS_CHECK_MAX_RESPONSE_BYTES (connection checks).',
  },
  EGRESS_ALLOW_INVALID: {
    status: 500,
    message: 'PULSE_EGRESS_ALLOW has an entry that is not a host name, an IP address or a CIDR range.',
    hint: 'List hosts (ghe.corp.example), host suffixes (.corp.example), addresses (10.0.0.5) or CIDR ranges (10.20.0.0/16), comma-separated.',
  },
  INTEGRATION_SECRET_REBIND_REQUIRED: {
    status: 400,
    message: 'The change points the integration at another host, so its stored credentials are not reused.',
    hint: 'Send the credentials again in the same request (secrets, e.g. {"token": "…"}) together with the new base URL or site; stored credentials only ever go to the host they were given for.',
  },
  JIRA_PROJECT_NOT_FOUND: {
    status: 404,
    message:
      'A Jira project or board named by the integration does not exist or is not visible to its account.',
    hint: 'Check the project key (or board id) in the integration settings. Jira answers "not found" also when the account lacks the Browse projects permission on the project: grant it, or remove the project from the settings.',
  },
  JIRA_PERMISSION_DENIED: {
    status: 403,
    message: 'The Jira account may not read part of what the integration names.',
    hint: 'Give the account Browse projects on every configured project, and access to the boards (Jira Software) for sprints; docs/connectors/jira.md lists the permissions.',
  },
  JIRA_JQL_INVALID: {
    status: 400,
    message: 'Jira rejected a JQL query of the integration.',
    hint: "Try the JQL of the integration settings (projects.jql or incidents.jql) in Jira's issue search, which shows Jira's explanation, and fix it there.",
  },
  INTEGRATION_MAPPINGS_UNSUPPORTED: {
    status: 400,
    message: 'This kind of integration has no status or type mappings.',
    hint: 'Mappings exist for work-tracking connectors such as Jira; list the integrations and their kinds with: pulse integrations list',
  },
  IMPORT_FILE_UNREADABLE: {
    status: 400,
    message: 'The import file cannot be read.',
    hint: 'Check the path and that this process may read it; pass - to read standard input.',
  },
  IMPORT_LINE_INVALID: {
    status: 400,
    message: 'Some lines of the import file are not valid records; the valid lines were imported.',
    hint: 'Fix the lines named in the report (line N: field: reason) and import the file again; lines already imported are unchanged by a re-import. docs/import-format.md describes every record type.',
  },
  IMPORT_FORMAT_UNSUPPORTED: {
    status: 400,
    message: 'The import file is in a format or version this Pulse does not read.',
    hint: 'The first line may be {"type":"header","format":"pulse-ndjson","version":1}; export the data again with a Pulse that writes version 1, or remove the header.',
  },
  RECORD_REFERENCE_UNKNOWN: {
    status: 422,
    message: 'A record refers to another record that is not stored.',
    hint: 'Store the referenced record first (e.g. the pull request before its reviews, the repository before its commits), or include it in the same import file.',
  },
  PERSON_NOT_FOUND: {
    status: 404,
    message: 'No such person.',
    hint: 'List people and their ids with: pulse people list --tenant SLUG [--search NAME]',
  },
  GIT_NOT_INSTALLED: {
    status: 500,
    message: 'The git command cannot be run on the Pulse server.',
    hint: 'Install git (2.20 or later) on every host that runs Pulse workers, e.g. apt-get install git, and make sure it is on the PATH of the Pulse process.',
  },
  GIT_REPOSITORY_NOT_FOUND: {
    status: 400,
    message: 'A configured path is not a git repository.',
    hint: 'Give the absolute path of a working tree or a bare clone on the Pulse server (e.g. /srv/git/api.git); check it with: git -C PATH rev-parse --git-dir',
  },
  GIT_REPOSITORY_UNREADABLE: {
    status: 500,
    message: 'A configured git repository cannot be read.',
    hint: 'Let the user running Pulse read the repository folder; if git reports "dubious ownership", run as that user: git config --global --add safe.directory PATH',
  },
  GIT_PATH_NOT_ALLOWED: {
    status: 403,
    message: 'This git repository path is not allowed.',
    hint: "Local repositories must lie in this tenant's folder under PULSE_GIT_ROOTS (<root>/<tenant-slug>/) or in a folder granted to the tenant with PULSE_GIT_GRANTS; ask the operator to place the repository there. Paths with '..' and /proc are never allowed. See docs/connectors/git.md.",
  },
  GIT_REPOSITORY_NAME_CONFLICT: {
    status: 400,
    message: 'Two configured git repositories have the same full name.',
    hint: 'Give each repository its own "name" (owner/name, e.g. "acme/api") in the integration configuration.',
  },
  GIT_COMMAND_FAILED: {
    status: 502,
    message: 'A git command failed.',
    hint: 'The message quotes git; run the same command by hand (git -C PATH …) to investigate. A corrupt repository can be checked with: git -C PATH fsck',
  },
  AUTH_REQUIRED: {
    status: 401,
    message: 'This request needs authentication.',
    hint: 'Send "Authorization: Bearer <token>" with an access token from POST /api/v1/auth/login, or an API key.',
  },
  AUTH_TOKEN_INVALID: {
    status: 401,
    message: 'The access token or API key is invalid, expired or revoked.',
    hint: 'Get a new access token with POST /api/v1/auth/refresh (or log in again); an API key that was revoked must be replaced.',
  },
  AUTH_FORBIDDEN: {
    status: 403,
    message: 'Your role does not allow this.',
    hint: 'Viewers read; members also start syncs; admins manage integrations, users and keys. Ask an admin of the tenant.',
  },
  LOGIN_FAILED: {
    status: 401,
    message: 'The e-mail address or password is wrong.',
    hint: 'Check both; after repeated failures each further attempt has to wait longer.',
  },
  LOGIN_RATE_LIMITED: {
    status: 429,
    message: 'Too many login attempts; this one was not checked.',
    hint: 'Wait as long as the Retry-After header says, then try again. Logging in from a browser that logged in before (sending its deviceToken) is not slowed by failures made elsewhere.',
  },
  RATE_LIMITED: {
    status: 429,
    message: 'Too many requests from this API key, user or address.',
    hint: 'Wait the seconds of the Retry-After header, then retry; spread requests out or cache answers. The limits are PULSE_RATE_LIMIT_PER_MINUTE and PULSE_RATE_LIMIT_ANONYMOUS_PER_MINUTE.',
  },
  REPORTS_BUSY: {
    status: 429,
    message: 'This tenant already computes as many reports at once as the server allows.',
    hint: 'Retry after the seconds of the Retry-After header, or ask for fewer reports at once; repeated identical reports are answered from the cache. The limit is PULSE_REPORT_CONCURRENCY.',
  },
  LOGIN_TENANT_AMBIGUOUS: {
    status: 400,
    message: 'This account belongs to several tenants (or none): name the tenant to log in to.',
    hint: 'Add "tenant": "<slug>" to the login request.',
  },
  REFRESH_TOKEN_INVALID: {
    status: 401,
    message: 'The refresh token is invalid, expired or was already used.',
    hint: 'Log in again. A refresh token works once; using one twice ends the whole session, in case it was stolen.',
  },
  QUEUE_UNAVAILABLE: {
    status: 503,
    message: 'The sync queue is not available on this server.',
    hint: 'Run pulse serve (it opens the queue), or queue the run from the CLI: pulse sync NAME --enqueue',
  },
  TEAM_KEY_TAKEN: {
    status: 409,
    message: 'Another team already has this key.',
    hint: 'Choose another key (lower-case letters, digits and dashes), or rename the other team first.',
  },
  TEAM_MEMBER_EXISTS: {
    status: 409,
    message: 'This person is already a current member of the team.',
    hint: 'End the current membership first (DELETE /api/v1/teams/{id}/members/{personId}) to change its start.',
  },
  LAST_ADMIN: {
    status: 409,
    message: 'This change would leave the tenant without an admin.',
    hint: 'Make another member an admin first, then change or remove this one.',
  },
  PREFERENCES_NEED_USER: {
    status: 400,
    message: 'Preferences belong to users; an API key has none.',
    hint: 'Log in as a user (POST /api/v1/auth/login) to change preferences.',
  },
  STREAM_HELLO_INVALID: {
    status: 400,
    message: 'The stream expects a hello message first.',
    hint: 'Send {"type":"hello","token":"<access token or API key>","topics":["sync-runs","data"],"after":"<last event id>"} within 10 seconds of connecting; topics and after are optional.',
  },
  STREAM_TOO_SLOW: {
    status: 503,
    message: 'The client read the stream too slowly and was disconnected.',
    hint: 'Reconnect with "after" set to the last event id received; read messages as they arrive.',
  },
  VALIDATION_FAILED: {
    status: 400,
    message: 'The input is invalid.',
    hint: 'The message names the field that is wrong and what is expected.',
  },
  DATE_RANGE_TOO_LARGE: {
    status: 400,
    message: 'The period from "from" to "to" is longer than this server allows.',
    hint: 'Ask for a shorter period (at most PULSE_API_MAX_RANGE_DAYS days, 3653 by default), or several periods one after another.',
  },
  REPORT_TIMEOUT: {
    status: 503,
    message: 'The report took longer than this server allows and was stopped.',
    hint: 'Ask for a shorter period or fewer repositories, or try again later; the operator sets the limit with PULSE_REPORT_TIMEOUT_SECONDS.',
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
  /** The input field at fault (`body.email`, `query.from`), for validation errors. */
  readonly path: string | undefined;

  constructor(code: ErrorCode, detail?: { message?: string; hint?: string; path?: string; cause?: unknown }) {
    const spec: ErrorSpec = errorRegistry[code];
    super(detail?.message ?? spec.message, detail?.cause === undefined ? undefined : { cause: detail.cause });
    this.name = 'PulseError';
    this.code = code;
    this.status = spec.status;
    this.hint = detail?.hint ?? spec.hint;
    this.path = detail?.path;
  }

  /** The public shape used in API bodies and JSON CLI output. */
  toJSON(): { code: ErrorCode; message: string; hint: string; path?: string } {
    const json = { code: this.code, message: this.message, hint: this.hint };
    return this.path === undefined ? json : { ...json, path: this.path };
  }
}

export function isPulseError(error: unknown): error is PulseError {
  return error instanceof PulseError;
}
