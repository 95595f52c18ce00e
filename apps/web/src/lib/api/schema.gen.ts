/**
 * Generated from the OpenAPI document of /api/v1 by `npm run api:types` (openapi-typescript).
 * Do not edit: change the route's zod schemas in apps/server/src/api and regenerate.
 */
export interface paths {
  readonly '/api/v1/auth/login': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    /** Log in with e-mail and password; returns an access token and a refresh token. */
    readonly post: operations['postAuthLogin'];
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/api/v1/auth/refresh': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    /** Exchange a refresh token for a new access and refresh token (the old one stops working). */
    readonly post: operations['postAuthRefresh'];
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/api/v1/auth/logout': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    /** End the session of a refresh token (every token of that login). */
    readonly post: operations['postAuthLogout'];
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/api/v1/me': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** Who the caller is: user or API key, tenant and role. */
    readonly get: operations['getMe'];
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/api/v1/api-keys': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** The tenant's API keys (never the keys themselves). */
    readonly get: operations['getApikeys'];
    readonly put?: never;
    /** Create an API key; the response holds the key, shown this once. */
    readonly post: operations['postApikeys'];
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/api/v1/api-keys/{id}': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    readonly post?: never;
    /** Revoke an API key: it stops working at once. */
    readonly delete: operations['deleteApikeysId'];
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/api/v1/integrations': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** The tenant's integrations (without credentials). */
    readonly get: operations['getIntegrations'];
    readonly put?: never;
    /** Add an integration; its settings and credentials are checked by the connector, credentials stored encrypted. */
    readonly post: operations['postIntegrations'];
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/api/v1/integrations/{id}': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    readonly post?: never;
    /** Remove an integration with its sync history (synced data stays). */
    readonly delete: operations['deleteIntegrationsId'];
    readonly options?: never;
    readonly head?: never;
    /** Change settings (checked by the connector again), replace credentials, or change the schedule; `enabled: false` stops scheduled syncs. */
    readonly patch: operations['patchIntegrationsId'];
    readonly trace?: never;
  };
  readonly '/api/v1/integrations/{id}/mappings': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** Status → category and issue type → work-item kind, for every status and type in the data, with the value in force and whether it was set. */
    readonly get: operations['getIntegrationsIdMappings'];
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    /** Set mappings (null returns one to the default); they take effect on stored data at once, without calling the source. */
    readonly patch: operations['patchIntegrationsIdMappings'];
    readonly trace?: never;
  };
  readonly '/api/v1/integrations/{id}/test': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    /** Test the connection: credentials and reachability, as the connector checks them. */
    readonly post: operations['postIntegrationsIdTest'];
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/api/v1/integrations/{id}/sync': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    /** Sync now (or join the run already queued or running); `full` re-reads everything. */
    readonly post: operations['postIntegrationsIdSync'];
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/api/v1/sync-runs': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** Recent sync runs, newest first, with their progress and errors. */
    readonly get: operations['getSyncruns'];
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/api/v1/sync-runs/{id}': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** One sync run with its progress and errors. */
    readonly get: operations['getSyncrunsId'];
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/api/v1/sync-runs/{id}/pause': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    /** Pause a sync run (a running one after the page in progress). */
    readonly post: operations['postSyncrunsIdPause'];
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/api/v1/sync-runs/{id}/resume': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    /** Resume a sync run (a running one after the page in progress). */
    readonly post: operations['postSyncrunsIdResume'];
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/api/v1/sync-runs/{id}/cancel': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    /** Cancel a sync run (a running one after the page in progress). */
    readonly post: operations['postSyncrunsIdCancel'];
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/api/v1/metrics/dora': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** The five DORA metrics over a period, with benchmark bands and a series (as `pulse metrics dora --json`). */
    readonly get: operations['getMetricsDora'];
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/api/v1/metrics/prs': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** Pull request stages, throughput and size over a period (as `pulse metrics prs --json`). */
    readonly get: operations['getMetricsPrs'];
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/api/v1/deployments': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** Deployments with the number of changes each shipped and why it counts as failed. */
    readonly get: operations['getDeployments'];
    readonly put?: never;
    /** Record one deployment (idempotent by source and externalId). */
    readonly post: operations['postDeployments'];
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/api/v1/deployments/batch': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    /** Record up to 1000 deployments in one transaction; items naming unknown records are reported, the rest written. */
    readonly post: operations['postDeploymentsBatch'];
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/api/v1/incidents': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** Incidents, newest first by default. */
    readonly get: operations['getIncidents'];
    readonly put?: never;
    /** Record one incident (idempotent by source and externalId). */
    readonly post: operations['postIncidents'];
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/api/v1/incidents/batch': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    /** Record up to 1000 incidents in one transaction; items naming unknown records are reported, the rest written. */
    readonly post: operations['postIncidentsBatch'];
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/api/v1/repositories': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** Repositories, by full name. */
    readonly get: operations['getRepositories'];
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/api/v1/pull-requests': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** Pull requests, newest first by default. */
    readonly get: operations['getPullrequests'];
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/api/v1/deployments/{id}': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** One deployment, with the commits it shipped (up to 1,000). */
    readonly get: operations['getDeploymentsId'];
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/api/v1/work-items': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** Work items (issues of Jira and other trackers), newest first by default. */
    readonly get: operations['getWorkitems'];
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/api/v1/tenant': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** The caller's tenant: name and branding. */
    readonly get: operations['getTenant'];
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    /** Rename the tenant or change its branding (logo, primary colour); null clears a value. */
    readonly patch: operations['patchTenant'];
    readonly trace?: never;
  };
  readonly '/api/v1/tenants': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** Every tenant of the installation (platform operators). */
    readonly get: operations['getTenants'];
    readonly put?: never;
    /** Create a tenant (platform operators); add its first admin with POST /users while in it. */
    readonly post: operations['postTenants'];
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/api/v1/users': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** The tenant's users with their roles. */
    readonly get: operations['getUsers'];
    readonly put?: never;
    /** Invite an e-mail to the tenant. Nothing is attached until the invitee accepts (an existing account, after logging in) or redeems the one-time `code` (an e-mail without an account, choosing its password). The answer is the same whether or not the e-mail has an account. */
    readonly post: operations['postUsers'];
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/api/v1/users/{id}': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    readonly post?: never;
    /** Remove a user from this tenant (the account and its other tenants stay). */
    readonly delete: operations['deleteUsersId'];
    readonly options?: never;
    readonly head?: never;
    /** Change a user's role in this tenant. */
    readonly patch: operations['patchUsersId'];
    readonly trace?: never;
  };
  readonly '/api/v1/me/preferences': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    /** Change the caller's own preferences (the dashboard theme); kept per user, in every tenant. */
    readonly patch: operations['patchMePreferences'];
    readonly trace?: never;
  };
  readonly '/api/v1/invitations': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** Pending invitations of the caller's account, in any tenant (none for an API key). */
    readonly get: operations['getInvitations'];
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/api/v1/invitations/{id}/accept': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    /** Accept an invitation to the caller's account: it becomes a member of that tenant (log in to it by naming it). */
    readonly post: operations['postInvitationsIdAccept'];
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/api/v1/invitations/redeem': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    /** Create the account of an invited e-mail that has none, with its own password, and join the tenant. An e-mail that already has an account logs in and accepts instead. */
    readonly post: operations['postInvitationsRedeem'];
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/api/v1/teams': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** Teams with their current member count and owned repositories. */
    readonly get: operations['getTeams'];
    readonly put?: never;
    /** Create a team. */
    readonly post: operations['postTeams'];
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/api/v1/teams/{id}': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    readonly post?: never;
    /** Delete a team with its membership history and ownerships (people and repositories stay). */
    readonly delete: operations['deleteTeamsId'];
    readonly options?: never;
    readonly head?: never;
    /** Rename a team, change its key or its parent (null: top level). */
    readonly patch: operations['patchTeamsId'];
    readonly trace?: never;
  };
  readonly '/api/v1/teams/{id}/members': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** Members of a team; `history=true` adds past memberships. */
    readonly get: operations['getTeamsIdMembers'];
    readonly put?: never;
    /** Add a person to a team from `from` (default now); their changes from then on count for it. */
    readonly post: operations['postTeamsIdMembers'];
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/api/v1/teams/{id}/members/{personId}': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    readonly post?: never;
    /** End a person's current membership now (their past work still counts for the team). */
    readonly delete: operations['deleteTeamsIdMembersPersonId'];
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/api/v1/teams/{id}/repositories': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    /** Set the repositories a team owns (full names); its deployments count for the team. */
    readonly put: operations['putTeamsIdRepositories'];
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/api/v1/people': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** People with their accounts (identities) in each source and their current teams. */
    readonly get: operations['getPeople'];
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/api/v1/people/{id}/merge': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    /** Merge person `from` into this one: its identities and team memberships move here, and it is deleted. */
    readonly post: operations['postPeopleIdMerge'];
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    readonly Error: {
      readonly error: {
        /** @enum {string} */
        readonly code:
          | 'CONFIG_INVALID'
          | 'CONFIG_FILE_INVALID'
          | 'DATABASE_URL_INVALID'
          | 'DATABASE_UNREACHABLE'
          | 'DATA_DIR_UNUSABLE'
          | 'DATA_DIR_LOCKED'
          | 'SECRET_KEY_MISSING'
          | 'SECRET_KEY_INVALID'
          | 'SECRET_KEY_UNKNOWN'
          | 'SECRET_DECRYPT_FAILED'
          | 'MIGRATION_FAILED'
          | 'MIGRATION_CHECKSUM_MISMATCH'
          | 'MIGRATION_UNKNOWN'
          | 'MIGRATIONS_PENDING'
          | 'TENANT_REQUIRED'
          | 'TENANT_NOT_FOUND'
          | 'TENANT_SLUG_INVALID'
          | 'TENANT_SLUG_TAKEN'
          | 'DEMO_TENANT_EXISTS'
          | 'USER_EMAIL_INVALID'
          | 'USER_ALREADY_MEMBER'
          | 'INVITATION_INVALID'
          | 'ROLE_INVALID'
          | 'PASSWORD_TOO_SHORT'
          | 'PASSWORD_INPUT_EMPTY'
          | 'TEAM_NOT_FOUND'
          | 'REPOSITORY_NOT_FOUND'
          | 'INTEGRATION_KIND_UNKNOWN'
          | 'INTEGRATION_CONFIG_INVALID'
          | 'INTEGRATION_SECRETS_INVALID'
          | 'INTEGRATION_NAME_TAKEN'
          | 'INTEGRATION_NOT_FOUND'
          | 'SYNC_RUN_NOT_FOUND'
          | 'SYNC_RUN_STATE_INVALID'
          | 'SOURCE_HTTP_ERROR'
          | 'SOURCE_AUTH_FAILED'
          | 'SOURCE_RATE_LIMITED'
          | 'SOURCE_UNAVAILABLE'
          | 'SOURCE_RESPONSE_INVALID'
          | 'SOURCE_NOT_FOUND'
          | 'EGRESS_URL_INVALID'
          | 'EGRESS_REDIRECT_DENIED'
          | 'EGRESS_RESPONSE_TOO_LARGE'
          | 'EGRESS_ALLOW_INVALID'
          | 'INTEGRATION_SECRET_REBIND_REQUIRED'
          | 'JIRA_PROJECT_NOT_FOUND'
          | 'JIRA_PERMISSION_DENIED'
          | 'JIRA_JQL_INVALID'
          | 'INTEGRATION_MAPPINGS_UNSUPPORTED'
          | 'IMPORT_FILE_UNREADABLE'
          | 'IMPORT_LINE_INVALID'
          | 'IMPORT_FORMAT_UNSUPPORTED'
          | 'RECORD_REFERENCE_UNKNOWN'
          | 'PERSON_NOT_FOUND'
          | 'GIT_NOT_INSTALLED'
          | 'GIT_REPOSITORY_NOT_FOUND'
          | 'GIT_REPOSITORY_UNREADABLE'
          | 'GIT_PATH_NOT_ALLOWED'
          | 'GIT_REPOSITORY_NAME_CONFLICT'
          | 'GIT_COMMAND_FAILED'
          | 'AUTH_REQUIRED'
          | 'AUTH_TOKEN_INVALID'
          | 'AUTH_FORBIDDEN'
          | 'LOGIN_FAILED'
          | 'LOGIN_RATE_LIMITED'
          | 'RATE_LIMITED'
          | 'REPORTS_BUSY'
          | 'LOGIN_TENANT_AMBIGUOUS'
          | 'REFRESH_TOKEN_INVALID'
          | 'QUEUE_UNAVAILABLE'
          | 'TEAM_KEY_TAKEN'
          | 'TEAM_MEMBER_EXISTS'
          | 'LAST_ADMIN'
          | 'PREFERENCES_NEED_USER'
          | 'STREAM_HELLO_INVALID'
          | 'STREAM_TOO_SLOW'
          | 'VALIDATION_FAILED'
          | 'DATE_RANGE_TOO_LARGE'
          | 'REPORT_TIMEOUT'
          | 'NOT_FOUND'
          | 'INTERNAL';
        readonly message: string;
        readonly hint: string;
        /** @description The input field at fault, e.g. body.email. */
        readonly path?: string;
      };
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  readonly postAuthLogin: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly requestBody: {
      readonly content: {
        readonly 'application/json': {
          readonly email: string;
          readonly password: string;
          /** @description Tenant slug or id; needed when the account has several. */
          readonly tenant?: string;
          /** @description Proof of an earlier successful login of this e-mail on this device: failed logins made elsewhere do not slow it down. */
          readonly deviceToken?: string;
        };
      };
    };
    readonly responses: {
      /** @description Success. */
      readonly 200: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            readonly accessToken: string;
            /** @constant */
            readonly tokenType: 'Bearer';
            /** @description Seconds the access token is valid for. */
            readonly expiresIn: number;
            /** @description Works once: exchange it at POST /auth/refresh for a new pair. */
            readonly refreshToken: string;
            readonly tenant: {
              /** Format: uuid */
              readonly id: string;
              readonly slug: string;
            };
            /** @description Send it with the next logins from this device (kept 90 days). */
            readonly deviceToken: string;
          };
        };
      };
      /** @description Invalid input (VALIDATION_FAILED names the field in `path`). */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  readonly postAuthRefresh: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly requestBody: {
      readonly content: {
        readonly 'application/json': {
          readonly refreshToken: string;
        };
      };
    };
    readonly responses: {
      /** @description Success. */
      readonly 200: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            readonly accessToken: string;
            /** @constant */
            readonly tokenType: 'Bearer';
            /** @description Seconds the access token is valid for. */
            readonly expiresIn: number;
            /** @description Works once: exchange it at POST /auth/refresh for a new pair. */
            readonly refreshToken: string;
            readonly tenant: {
              /** Format: uuid */
              readonly id: string;
              readonly slug: string;
            };
          };
        };
      };
      /** @description Invalid input (VALIDATION_FAILED names the field in `path`). */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  readonly postAuthLogout: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly requestBody: {
      readonly content: {
        readonly 'application/json': {
          readonly refreshToken: string;
        };
      };
    };
    readonly responses: {
      /** @description Done; no body. */
      readonly 204: {
        headers: {
          readonly [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Invalid input (VALIDATION_FAILED names the field in `path`). */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  readonly getMe: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description Success. */
      readonly 200: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            /** @enum {string} */
            readonly kind: 'user' | 'api_key';
            readonly user: {
              readonly id: string;
              readonly email: string;
              readonly displayName: string | null;
            } | null;
            readonly tenant: {
              readonly id: string;
              readonly slug: string;
              readonly name: string;
              readonly branding: {
                readonly logoUrl: string | null;
                readonly primaryColor: string | null;
              };
            };
            /** @enum {string} */
            readonly role: 'admin' | 'member' | 'viewer';
            readonly operator: boolean;
            /** @description The user's own settings (defaults for an API key). */
            readonly preferences: {
              /** @enum {string} */
              readonly theme: 'system' | 'light' | 'dark';
            };
          };
        };
      };
      /** @description Invalid input (VALIDATION_FAILED names the field in `path`). */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, invalid or expired credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
      /** @description The caller's role is below viewer. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  readonly getApikeys: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description Success. */
      readonly 200: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            readonly items: readonly {
              /** Format: uuid */
              readonly id: string;
              readonly name: string;
              /** @description The visible start of the key: pulse_<prefix>_… */
              readonly prefix: string;
              readonly scopes: readonly ('read' | 'write' | 'admin')[];
              readonly createdAt: string;
              readonly lastUsedAt: string | null;
              readonly expiresAt: string | null;
              readonly revokedAt: string | null;
              /** @description The user who made the key; it never acts above their current role, and is revoked when they lose the admin role or leave. Null: made by a `pulse` command. */
              readonly owner: {
                /** Format: uuid */
                readonly id: string;
                /** @description Null once the owner is no longer a member of this tenant. */
                readonly email: string | null;
              } | null;
            }[];
          };
        };
      };
      /** @description Invalid input (VALIDATION_FAILED names the field in `path`). */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, invalid or expired credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
      /** @description The caller's role is below admin. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  readonly postApikeys: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly requestBody: {
      readonly content: {
        readonly 'application/json': {
          readonly name: string;
          readonly scopes: readonly ('read' | 'write' | 'admin')[];
          /** Format: date-time */
          readonly expiresAt?: string;
        };
      };
    };
    readonly responses: {
      /** @description Success. */
      readonly 201: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            /** Format: uuid */
            readonly id: string;
            readonly name: string;
            readonly prefix: string;
            readonly scopes: readonly ('read' | 'write' | 'admin')[];
            readonly key: string;
          };
        };
      };
      /** @description Invalid input (VALIDATION_FAILED names the field in `path`). */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, invalid or expired credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
      /** @description The caller's role is below admin. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  readonly deleteApikeysId: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path: {
        readonly id: string;
      };
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description Done; no body. */
      readonly 204: {
        headers: {
          readonly [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Invalid input (VALIDATION_FAILED names the field in `path`). */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, invalid or expired credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
      /** @description The caller's role is below admin. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  readonly getIntegrations: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description Success. */
      readonly 200: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            readonly items: readonly {
              readonly id: number;
              readonly kind: string;
              readonly name: string;
              /** @description The connector settings (docs/connectors/<kind>.md); never the credentials. */
              readonly config: unknown;
              readonly hasSecrets: boolean;
              readonly syncIntervalSeconds: number;
              readonly enabled: boolean;
              readonly maxFailedShare: number;
            }[];
          };
        };
      };
      /** @description Invalid input (VALIDATION_FAILED names the field in `path`). */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, invalid or expired credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
      /** @description The caller's role is below viewer. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  readonly postIntegrations: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly requestBody: {
      readonly content: {
        readonly 'application/json': {
          /** @description github, git, … */
          readonly kind: string;
          readonly name: string;
          /** @description Connector settings (docs/connectors/<kind>.md). */
          readonly config: unknown;
          /** @description e.g. {"token": "…"}; write-only. */
          readonly secrets?: {
            readonly [key: string]: string;
          };
          readonly syncIntervalMinutes?: number;
          readonly maxFailedShare?: number;
        };
      };
    };
    readonly responses: {
      /** @description Success. */
      readonly 201: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            readonly id: number;
            readonly kind: string;
            readonly name: string;
            /** @description The connector settings (docs/connectors/<kind>.md); never the credentials. */
            readonly config: unknown;
            readonly hasSecrets: boolean;
            readonly syncIntervalSeconds: number;
            readonly enabled: boolean;
            readonly maxFailedShare: number;
          };
        };
      };
      /** @description Invalid input (VALIDATION_FAILED names the field in `path`). */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, invalid or expired credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
      /** @description The caller's role is below admin. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  readonly deleteIntegrationsId: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path: {
        readonly id: string;
      };
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description Done; no body. */
      readonly 204: {
        headers: {
          readonly [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Invalid input (VALIDATION_FAILED names the field in `path`). */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, invalid or expired credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
      /** @description The caller's role is below admin. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  readonly patchIntegrationsId: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path: {
        readonly id: string;
      };
      readonly cookie?: never;
    };
    readonly requestBody: {
      readonly content: {
        readonly 'application/json': {
          /** @description The whole new connector settings. */
          readonly config?: unknown;
          /** @description Replaces every stored credential; write-only. Required when the new config changes the base URL or site. */
          readonly secrets?: {
            readonly [key: string]: string;
          };
          readonly syncIntervalMinutes?: number;
          readonly maxFailedShare?: number;
          readonly enabled?: boolean;
        };
      };
    };
    readonly responses: {
      /** @description Success. */
      readonly 200: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            readonly id: number;
            readonly kind: string;
            readonly name: string;
            /** @description The connector settings (docs/connectors/<kind>.md); never the credentials. */
            readonly config: unknown;
            readonly hasSecrets: boolean;
            readonly syncIntervalSeconds: number;
            readonly enabled: boolean;
            readonly maxFailedShare: number;
          };
        };
      };
      /** @description Invalid input (VALIDATION_FAILED names the field in `path`). */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, invalid or expired credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
      /** @description The caller's role is below admin. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  readonly getIntegrationsIdMappings: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path: {
        readonly id: string;
      };
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description Success. */
      readonly 200: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            readonly statuses: readonly {
              readonly source: string;
              /** @enum {string} */
              readonly category: 'todo' | 'in_progress' | 'waiting' | 'done';
              /**
               * @description set: chosen by a user; default: the connector's.
               * @enum {string}
               */
              readonly origin: 'default' | 'set';
              /** @description Work items in it now. */
              readonly items: number;
            }[];
            readonly types: readonly {
              readonly source: string;
              /** @enum {string} */
              readonly kind: 'feature' | 'defect' | 'risk' | 'debt' | 'incident' | 'other';
              /**
               * @description set: chosen by a user; default: the connector's.
               * @enum {string}
               */
              readonly origin: 'default' | 'set';
              readonly items: number;
            }[];
          };
        };
      };
      /** @description Invalid input (VALIDATION_FAILED names the field in `path`). */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, invalid or expired credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
      /** @description The caller's role is below viewer. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  readonly patchIntegrationsIdMappings: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path: {
        readonly id: string;
      };
      readonly cookie?: never;
    };
    readonly requestBody: {
      readonly content: {
        readonly 'application/json': {
          readonly statuses?: readonly {
            readonly source: string;
            readonly category: ('todo' | 'in_progress' | 'waiting' | 'done') | null;
          }[];
          readonly types?: readonly {
            readonly source: string;
            readonly kind: ('feature' | 'defect' | 'risk' | 'debt' | 'incident' | 'other') | null;
          }[];
        };
      };
    };
    readonly responses: {
      /** @description Success. */
      readonly 200: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            readonly mappings: {
              readonly statuses: readonly {
                readonly source: string;
                /** @enum {string} */
                readonly category: 'todo' | 'in_progress' | 'waiting' | 'done';
                /**
                 * @description set: chosen by a user; default: the connector's.
                 * @enum {string}
                 */
                readonly origin: 'default' | 'set';
                /** @description Work items in it now. */
                readonly items: number;
              }[];
              readonly types: readonly {
                readonly source: string;
                /** @enum {string} */
                readonly kind: 'feature' | 'defect' | 'risk' | 'debt' | 'incident' | 'other';
                /**
                 * @description set: chosen by a user; default: the connector's.
                 * @enum {string}
                 */
                readonly origin: 'default' | 'set';
                readonly items: number;
              }[];
            };
            /** @description Stored raw payloads mapped again. */
            readonly remapped: number;
          };
        };
      };
      /** @description Invalid input (VALIDATION_FAILED names the field in `path`). */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, invalid or expired credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
      /** @description The caller's role is below admin. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  readonly postIntegrationsIdTest: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path: {
        readonly id: string;
      };
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description Success. */
      readonly 200: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json':
            | {
                /** @constant */
                readonly ok: true;
                readonly detail?: string;
              }
            | {
                /** @constant */
                readonly ok: false;
                readonly code: string;
                readonly message: string;
                readonly hint: string;
              };
        };
      };
      /** @description Invalid input (VALIDATION_FAILED names the field in `path`). */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, invalid or expired credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
      /** @description The caller's role is below admin. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  readonly postIntegrationsIdSync: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path: {
        readonly id: string;
      };
      readonly cookie?: never;
    };
    readonly requestBody: {
      readonly content: {
        readonly 'application/json': {
          readonly full?: boolean;
        };
      };
    };
    readonly responses: {
      /** @description Success. */
      readonly 201: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            /** @description A sync run with its progress. */
            readonly run: {
              readonly id: number;
              /**
               * @description partial: ended, but some partitions failed (within the failure share); their data is missing.
               * @enum {string}
               */
              readonly state:
                'queued' | 'running' | 'paused' | 'succeeded' | 'partial' | 'failed' | 'cancelled';
            } & {
              readonly [key: string]: unknown;
            };
            /** @description False: an active run was joined. */
            readonly created: boolean;
          };
        };
      };
      /** @description Invalid input (VALIDATION_FAILED names the field in `path`). */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, invalid or expired credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
      /** @description The caller's role is below member. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  readonly getSyncruns: {
    readonly parameters: {
      readonly query?: {
        /** @description Only runs of this integration id. */
        readonly integration?: string;
        readonly limit?: number;
      };
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description Success. */
      readonly 200: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            readonly items: readonly ({
              readonly id: number;
              /**
               * @description partial: ended, but some partitions failed (within the failure share); their data is missing.
               * @enum {string}
               */
              readonly state:
                'queued' | 'running' | 'paused' | 'succeeded' | 'partial' | 'failed' | 'cancelled';
            } & {
              readonly [key: string]: unknown;
            })[];
          };
        };
      };
      /** @description Invalid input (VALIDATION_FAILED names the field in `path`). */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, invalid or expired credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
      /** @description The caller's role is below viewer. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  readonly getSyncrunsId: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path: {
        readonly id: string;
      };
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description Success. */
      readonly 200: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            readonly id: number;
            /**
             * @description partial: ended, but some partitions failed (within the failure share); their data is missing.
             * @enum {string}
             */
            readonly state:
              'queued' | 'running' | 'paused' | 'succeeded' | 'partial' | 'failed' | 'cancelled';
          } & {
            readonly [key: string]: unknown;
          };
        };
      };
      /** @description Invalid input (VALIDATION_FAILED names the field in `path`). */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, invalid or expired credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
      /** @description The caller's role is below viewer. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  readonly postSyncrunsIdPause: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path: {
        readonly id: string;
      };
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description Success. */
      readonly 200: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            readonly id: number;
            /**
             * @description partial: ended, but some partitions failed (within the failure share); their data is missing.
             * @enum {string}
             */
            readonly state:
              'queued' | 'running' | 'paused' | 'succeeded' | 'partial' | 'failed' | 'cancelled';
          } & {
            readonly [key: string]: unknown;
          };
        };
      };
      /** @description Invalid input (VALIDATION_FAILED names the field in `path`). */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, invalid or expired credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
      /** @description The caller's role is below member. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  readonly postSyncrunsIdResume: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path: {
        readonly id: string;
      };
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description Success. */
      readonly 200: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            readonly id: number;
            /**
             * @description partial: ended, but some partitions failed (within the failure share); their data is missing.
             * @enum {string}
             */
            readonly state:
              'queued' | 'running' | 'paused' | 'succeeded' | 'partial' | 'failed' | 'cancelled';
          } & {
            readonly [key: string]: unknown;
          };
        };
      };
      /** @description Invalid input (VALIDATION_FAILED names the field in `path`). */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, invalid or expired credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
      /** @description The caller's role is below member. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  readonly postSyncrunsIdCancel: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path: {
        readonly id: string;
      };
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description Success. */
      readonly 200: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            readonly id: number;
            /**
             * @description partial: ended, but some partitions failed (within the failure share); their data is missing.
             * @enum {string}
             */
            readonly state:
              'queued' | 'running' | 'paused' | 'succeeded' | 'partial' | 'failed' | 'cancelled';
          } & {
            readonly [key: string]: unknown;
          };
        };
      };
      /** @description Invalid input (VALIDATION_FAILED names the field in `path`). */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, invalid or expired credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
      /** @description The caller's role is below member. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  readonly getMetricsDora: {
    readonly parameters: {
      readonly query?: {
        /** @description Start, YYYY-MM-DD or ISO timestamp (default: 90 days before `to`). */
        readonly from?: string;
        /** @description End, exclusive (default: now). */
        readonly to?: string;
        /** @description IANA time zone of days, weeks and months. */
        readonly timeZone?: string;
        /** @description Series bucket. */
        readonly granularity?: 'day' | 'week' | 'month';
        /** @description Only this team (key or name). */
        readonly team?: string;
        /** @description Only these repositories (owner/name or name); repeat the parameter for several. */
        readonly repository?: string | readonly string[];
        /** @description Wait for the metric facts to be brought up to date first (seconds on large tenants). */
        readonly refresh?: 'true' | 'false';
        /** @description Deployments to this environment (default: production ones). */
        readonly environment?: string;
        /** @description DORA report year of the bands. */
        readonly benchmark?: '2021' | '2023' | '2024';
      };
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description Success. */
      readonly 200: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            readonly [key: string]: unknown;
          };
        };
      };
      /** @description Invalid input (VALIDATION_FAILED names the field in `path`). */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, invalid or expired credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
      /** @description The caller's role is below viewer. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  readonly getMetricsPrs: {
    readonly parameters: {
      readonly query?: {
        /** @description Start, YYYY-MM-DD or ISO timestamp (default: 90 days before `to`). */
        readonly from?: string;
        /** @description End, exclusive (default: now). */
        readonly to?: string;
        /** @description IANA time zone of days, weeks and months. */
        readonly timeZone?: string;
        /** @description Series bucket. */
        readonly granularity?: 'day' | 'week' | 'month';
        /** @description Only this team (key or name). */
        readonly team?: string;
        /** @description Only these repositories (owner/name or name); repeat the parameter for several. */
        readonly repository?: string | readonly string[];
        /** @description Wait for the metric facts to be brought up to date first (seconds on large tenants). */
        readonly refresh?: 'true' | 'false';
      };
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description Success. */
      readonly 200: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            readonly [key: string]: unknown;
          };
        };
      };
      /** @description Invalid input (VALIDATION_FAILED names the field in `path`). */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, invalid or expired credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
      /** @description The caller's role is below viewer. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  readonly getDeployments: {
    readonly parameters: {
      readonly query?: {
        /** @description A repository by owner/name or name. */
        readonly repository?: string;
        readonly environment?: string;
        readonly status?: 'success' | 'failure' | 'error' | 'in_progress' | 'cancelled';
        /** @description Only production (true) or other (false) deployments. */
        readonly production?: 'true' | 'false';
        /** @description Only items with t.finished_at at or after this instant. */
        readonly from?: string;
        /** @description Only items with t.finished_at before this instant. */
        readonly to?: string;
        /** @description Sort key. */
        readonly sort?: 'finishedAt';
        readonly order?: 'asc' | 'desc';
        /** @description Items per page (1–200). */
        readonly limit?: number;
        /** @description The nextCursor of the previous page. */
        readonly cursor?: string;
      };
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description Success. */
      readonly 200: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            readonly items: readonly {
              readonly id: number;
              readonly source: string;
              readonly externalId: string;
              readonly repository: string;
              readonly environment: string;
              readonly isProduction: boolean;
              readonly status: string;
              readonly commitSha: string;
              readonly ref: string | null;
              readonly url: string | null;
              readonly startedAt: string | null;
              /** @description ISO timestamp */
              readonly finishedAt: string;
              /** @description Commits this deployment shipped (null until the facts are computed). */
              readonly changeCount: number | null;
              /** @description Whether it counts as failed for the change fail rate. */
              readonly failed: boolean | null;
              /** @description Why it counts as failed (docs/metrics.md, change fail rate). */
              readonly failureReasons: readonly unknown[] | null;
              readonly recoveredAt: string | null;
            }[];
            /** @description Pass as `cursor` for the next page; null on the last. */
            readonly nextCursor: string | null;
          };
        };
      };
      /** @description Invalid input (VALIDATION_FAILED names the field in `path`). */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, invalid or expired credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
      /** @description The caller's role is below viewer. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  readonly postDeployments: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly requestBody: {
      readonly content: {
        readonly 'application/json': {
          /** @constant */
          readonly type: 'deployment';
          readonly source: string;
          readonly externalId: string;
          readonly repository:
            | {
                readonly source?: string;
                readonly externalId: string;
              }
            | {
                readonly fullName: string;
              };
          readonly environment: string;
          readonly isProduction?: boolean;
          readonly commitSha: string;
          readonly ref?: string;
          /** @enum {string} */
          readonly status: 'success' | 'failure' | 'error' | 'in_progress' | 'cancelled';
          readonly url?: string;
          /** Format: date-time */
          readonly startedAt?: string;
          /** Format: date-time */
          readonly finishedAt: string;
        };
      };
    };
    readonly responses: {
      /** @description Success. */
      readonly 200: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            /** @description Records inserted or changed. */
            readonly written: number;
            /** @description Records already stored exactly so. */
            readonly unchanged: number;
          };
        };
      };
      /** @description Invalid input (VALIDATION_FAILED names the field in `path`). */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, invalid or expired credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
      /** @description The caller's role is below member. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  readonly postDeploymentsBatch: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly requestBody: {
      readonly content: {
        readonly 'application/json': {
          readonly items: readonly {
            /** @constant */
            readonly type: 'deployment';
            readonly source: string;
            readonly externalId: string;
            readonly repository:
              | {
                  readonly source?: string;
                  readonly externalId: string;
                }
              | {
                  readonly fullName: string;
                };
            readonly environment: string;
            readonly isProduction?: boolean;
            readonly commitSha: string;
            readonly ref?: string;
            /** @enum {string} */
            readonly status: 'success' | 'failure' | 'error' | 'in_progress' | 'cancelled';
            readonly url?: string;
            /** Format: date-time */
            readonly startedAt?: string;
            /** Format: date-time */
            readonly finishedAt: string;
          }[];
        };
      };
    };
    readonly responses: {
      /** @description Success. */
      readonly 200: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            /** @description Records inserted or changed. */
            readonly written: number;
            /** @description Records already stored exactly so. */
            readonly unchanged: number;
            /** @description Items left out because they name something not stored (e.g. an unknown repository). */
            readonly unresolved: readonly {
              readonly index: number;
              readonly path: string;
              readonly reference: string;
            }[];
          };
        };
      };
      /** @description Invalid input (VALIDATION_FAILED names the field in `path`). */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, invalid or expired credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
      /** @description The caller's role is below member. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  readonly getIncidents: {
    readonly parameters: {
      readonly query?: {
        /** @description A repository by owner/name or name. */
        readonly repository?: string;
        readonly status?: 'open' | 'resolved';
        /** @description Only items with t.started_at at or after this instant. */
        readonly from?: string;
        /** @description Only items with t.started_at before this instant. */
        readonly to?: string;
        /** @description Sort key. */
        readonly sort?: 'startedAt';
        readonly order?: 'asc' | 'desc';
        /** @description Items per page (1–200). */
        readonly limit?: number;
        /** @description The nextCursor of the previous page. */
        readonly cursor?: string;
      };
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description Success. */
      readonly 200: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            readonly items: readonly {
              readonly id: number;
              readonly source: string;
              readonly externalId: string;
              readonly title: string;
              readonly url: string | null;
              readonly severity: string | null;
              /** @enum {string} */
              readonly status: 'open' | 'resolved';
              readonly repository: string | null;
              readonly deploymentId: number | null;
              /** @description ISO timestamp */
              readonly startedAt: string;
              readonly resolvedAt: string | null;
            }[];
            /** @description Pass as `cursor` for the next page; null on the last. */
            readonly nextCursor: string | null;
          };
        };
      };
      /** @description Invalid input (VALIDATION_FAILED names the field in `path`). */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, invalid or expired credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
      /** @description The caller's role is below viewer. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  readonly postIncidents: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly requestBody: {
      readonly content: {
        readonly 'application/json': {
          /** @constant */
          readonly type: 'incident';
          readonly source: string;
          readonly externalId: string;
          readonly title: string;
          readonly url?: string;
          readonly severity?: string;
          /** @enum {string} */
          readonly status: 'open' | 'resolved';
          readonly repository?:
            | {
                readonly source?: string;
                readonly externalId: string;
              }
            | {
                readonly fullName: string;
              };
          readonly service?: string;
          readonly deployment?: {
            readonly source?: string;
            readonly externalId: string;
          };
          /** Format: date-time */
          readonly startedAt: string;
          /** Format: date-time */
          readonly resolvedAt?: string;
          /** Format: date-time */
          readonly updatedAt?: string;
        };
      };
    };
    readonly responses: {
      /** @description Success. */
      readonly 200: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            /** @description Records inserted or changed. */
            readonly written: number;
            /** @description Records already stored exactly so. */
            readonly unchanged: number;
          };
        };
      };
      /** @description Invalid input (VALIDATION_FAILED names the field in `path`). */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, invalid or expired credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
      /** @description The caller's role is below member. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  readonly postIncidentsBatch: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly requestBody: {
      readonly content: {
        readonly 'application/json': {
          readonly items: readonly {
            /** @constant */
            readonly type: 'incident';
            readonly source: string;
            readonly externalId: string;
            readonly title: string;
            readonly url?: string;
            readonly severity?: string;
            /** @enum {string} */
            readonly status: 'open' | 'resolved';
            readonly repository?:
              | {
                  readonly source?: string;
                  readonly externalId: string;
                }
              | {
                  readonly fullName: string;
                };
            readonly service?: string;
            readonly deployment?: {
              readonly source?: string;
              readonly externalId: string;
            };
            /** Format: date-time */
            readonly startedAt: string;
            /** Format: date-time */
            readonly resolvedAt?: string;
            /** Format: date-time */
            readonly updatedAt?: string;
          }[];
        };
      };
    };
    readonly responses: {
      /** @description Success. */
      readonly 200: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            /** @description Records inserted or changed. */
            readonly written: number;
            /** @description Records already stored exactly so. */
            readonly unchanged: number;
            /** @description Items left out because they name something not stored (e.g. an unknown repository). */
            readonly unresolved: readonly {
              readonly index: number;
              readonly path: string;
              readonly reference: string;
            }[];
          };
        };
      };
      /** @description Invalid input (VALIDATION_FAILED names the field in `path`). */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, invalid or expired credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
      /** @description The caller's role is below member. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  readonly getRepositories: {
    readonly parameters: {
      readonly query?: {
        readonly source?: string;
        /** @description Part of the full name. */
        readonly q?: string;
        /** @description Sort key. */
        readonly sort?: 'fullName';
        readonly order?: 'asc' | 'desc';
        /** @description Items per page (1–200). */
        readonly limit?: number;
        /** @description The nextCursor of the previous page. */
        readonly cursor?: string;
      };
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description Success. */
      readonly 200: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            readonly items: readonly {
              readonly id: number;
              readonly source: string;
              readonly externalId: string;
              readonly name: string;
              readonly fullName: string;
              readonly kind: string;
              readonly url: string | null;
              readonly defaultBranch: string | null;
              readonly isArchived: boolean;
            }[];
            /** @description Pass as `cursor` for the next page; null on the last. */
            readonly nextCursor: string | null;
          };
        };
      };
      /** @description Invalid input (VALIDATION_FAILED names the field in `path`). */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, invalid or expired credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
      /** @description The caller's role is below viewer. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  readonly getPullrequests: {
    readonly parameters: {
      readonly query?: {
        /** @description A repository by owner/name or name. */
        readonly repository?: string;
        readonly state?: 'open' | 'merged' | 'closed';
        /** @description Author login. */
        readonly author?: string;
        /** @description Only items with t.created_at at or after this instant. */
        readonly from?: string;
        /** @description Only items with t.created_at before this instant. */
        readonly to?: string;
        /** @description Sort key. */
        readonly sort?: 'createdAt' | 'updatedAt';
        readonly order?: 'asc' | 'desc';
        /** @description Items per page (1–200). */
        readonly limit?: number;
        /** @description The nextCursor of the previous page. */
        readonly cursor?: string;
      };
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description Success. */
      readonly 200: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            readonly items: readonly {
              readonly id: number;
              readonly source: string;
              readonly externalId: string;
              readonly repository: string;
              readonly number: number;
              readonly title: string;
              readonly url: string | null;
              /** @enum {string} */
              readonly state: 'open' | 'merged' | 'closed';
              readonly isDraft: boolean;
              readonly author: {
                readonly login: string | null;
                readonly name: string | null;
                readonly isBot: boolean;
              } | null;
              readonly headBranch: string | null;
              readonly baseBranch: string | null;
              readonly additions: number | null;
              readonly deletions: number | null;
              readonly labels: readonly string[];
              /** @description ISO timestamp */
              readonly createdAt: string;
              readonly mergedAt: string | null;
              readonly closedAt: string | null;
              /** @description ISO timestamp */
              readonly updatedAt: string;
            }[];
            /** @description Pass as `cursor` for the next page; null on the last. */
            readonly nextCursor: string | null;
          };
        };
      };
      /** @description Invalid input (VALIDATION_FAILED names the field in `path`). */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, invalid or expired credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
      /** @description The caller's role is below viewer. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  readonly getDeploymentsId: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path: {
        readonly id: string;
      };
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description Success. */
      readonly 200: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            readonly id: number;
            readonly source: string;
            readonly externalId: string;
            readonly repository: string;
            readonly environment: string;
            readonly isProduction: boolean;
            readonly status: string;
            readonly commitSha: string;
            readonly ref: string | null;
            readonly url: string | null;
            readonly startedAt: string | null;
            /** @description ISO timestamp */
            readonly finishedAt: string;
            /** @description Commits this deployment shipped (null until the facts are computed). */
            readonly changeCount: number | null;
            /** @description Whether it counts as failed for the change fail rate. */
            readonly failed: boolean | null;
            /** @description Why it counts as failed (docs/metrics.md, change fail rate). */
            readonly failureReasons: readonly unknown[] | null;
            readonly recoveredAt: string | null;
            readonly commits: readonly {
              readonly sha: string;
              readonly message: string | null;
              readonly authoredAt: string | null;
            }[];
            readonly commitsTruncated: boolean;
          };
        };
      };
      /** @description Invalid input (VALIDATION_FAILED names the field in `path`). */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, invalid or expired credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
      /** @description The caller's role is below viewer. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  readonly getWorkitems: {
    readonly parameters: {
      readonly query?: {
        readonly project?: string;
        readonly kind?: string;
        readonly statusCategory?: string;
        /** @description Only items with t.created_at at or after this instant. */
        readonly from?: string;
        /** @description Only items with t.created_at before this instant. */
        readonly to?: string;
        /** @description Sort key. */
        readonly sort?: 'createdAt' | 'updatedAt';
        readonly order?: 'asc' | 'desc';
        /** @description Items per page (1–200). */
        readonly limit?: number;
        /** @description The nextCursor of the previous page. */
        readonly cursor?: string;
      };
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description Success. */
      readonly 200: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            readonly items: readonly {
              readonly id: number;
              readonly source: string;
              readonly externalId: string;
              readonly key: string;
              readonly title: string;
              readonly url: string | null;
              readonly kind: string;
              readonly status: string;
              readonly statusCategory: string;
              readonly storyPoints: number | null;
              readonly projectKey: string | null;
              readonly assignee: {
                readonly login: string | null;
                readonly name: string | null;
                readonly isBot: boolean;
              } | null;
              /** @description ISO timestamp */
              readonly createdAt: string;
              readonly resolvedAt: string | null;
              /** @description ISO timestamp */
              readonly updatedAt: string;
            }[];
            /** @description Pass as `cursor` for the next page; null on the last. */
            readonly nextCursor: string | null;
          };
        };
      };
      /** @description Invalid input (VALIDATION_FAILED names the field in `path`). */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, invalid or expired credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
      /** @description The caller's role is below viewer. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  readonly getTenant: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description Success. */
      readonly 200: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            readonly id: string;
            readonly slug: string;
            readonly name: string;
            readonly branding: {
              readonly logoUrl: string | null;
              readonly primaryColor: string | null;
            };
          };
        };
      };
      /** @description Invalid input (VALIDATION_FAILED names the field in `path`). */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, invalid or expired credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
      /** @description The caller's role is below viewer. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  readonly patchTenant: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly requestBody: {
      readonly content: {
        readonly 'application/json': {
          readonly name?: string;
          readonly branding?: {
            readonly logoUrl?: string | null;
            readonly primaryColor?: string | null;
          };
        };
      };
    };
    readonly responses: {
      /** @description Success. */
      readonly 200: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            readonly id: string;
            readonly slug: string;
            readonly name: string;
            readonly branding: {
              readonly logoUrl: string | null;
              readonly primaryColor: string | null;
            };
          };
        };
      };
      /** @description Invalid input (VALIDATION_FAILED names the field in `path`). */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, invalid or expired credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
      /** @description The caller's role is below admin. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  readonly getTenants: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description Success. */
      readonly 200: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            readonly items: readonly {
              readonly id: string;
              readonly slug: string;
              readonly name: string;
              readonly createdAt: string;
            }[];
          };
        };
      };
      /** @description Invalid input (VALIDATION_FAILED names the field in `path`). */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, invalid or expired credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
      /** @description The caller is not a platform operator. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  readonly postTenants: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly requestBody: {
      readonly content: {
        readonly 'application/json': {
          /** @description Lower-case letters, digits and dashes, 2 to 63 characters. */
          readonly slug: string;
          readonly name?: string;
        };
      };
    };
    readonly responses: {
      /** @description Success. */
      readonly 201: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            readonly id: string;
            readonly slug: string;
            readonly name: string;
            readonly createdAt: string;
          };
        };
      };
      /** @description Invalid input (VALIDATION_FAILED names the field in `path`). */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, invalid or expired credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
      /** @description The caller is not a platform operator. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  readonly getUsers: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description Success. */
      readonly 200: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            readonly items: readonly {
              readonly id: string;
              readonly email: string;
              readonly displayName: string | null;
              /** @enum {string} */
              readonly role: 'admin' | 'member' | 'viewer';
              /** @description When the user joined this tenant. */
              readonly createdAt: string;
            }[];
          };
        };
      };
      /** @description Invalid input (VALIDATION_FAILED names the field in `path`). */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, invalid or expired credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
      /** @description The caller's role is below admin. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  readonly postUsers: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly requestBody: {
      readonly content: {
        readonly 'application/json': {
          readonly email: string;
          /** @enum {string} */
          readonly role: 'admin' | 'member' | 'viewer';
        };
      };
    };
    readonly responses: {
      /** @description Success. */
      readonly 202: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            readonly invitation: {
              /** Format: uuid */
              readonly id: string;
              /** @description The e-mail invited, as given (normalised). */
              readonly email: string;
              /** @enum {string} */
              readonly role: 'admin' | 'member' | 'viewer';
              readonly createdAt: string;
              readonly expiresAt: string;
            };
            /** @description One-time code for the invitee, shown once: POST /invitations/redeem with it creates the account of an e-mail that has none. Expires after 7 days. */
            readonly code: string;
          };
        };
      };
      /** @description Invalid input (VALIDATION_FAILED names the field in `path`). */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, invalid or expired credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
      /** @description The caller's role is below admin. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  readonly deleteUsersId: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path: {
        readonly id: string;
      };
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description Done; no body. */
      readonly 204: {
        headers: {
          readonly [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Invalid input (VALIDATION_FAILED names the field in `path`). */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, invalid or expired credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
      /** @description The caller's role is below admin. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  readonly patchUsersId: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path: {
        readonly id: string;
      };
      readonly cookie?: never;
    };
    readonly requestBody: {
      readonly content: {
        readonly 'application/json': {
          /** @enum {string} */
          readonly role: 'admin' | 'member' | 'viewer';
        };
      };
    };
    readonly responses: {
      /** @description Success. */
      readonly 200: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            readonly id: string;
            readonly email: string;
            readonly displayName: string | null;
            /** @enum {string} */
            readonly role: 'admin' | 'member' | 'viewer';
            /** @description When the user joined this tenant. */
            readonly createdAt: string;
          };
        };
      };
      /** @description Invalid input (VALIDATION_FAILED names the field in `path`). */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, invalid or expired credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
      /** @description The caller's role is below admin. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  readonly patchMePreferences: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly requestBody: {
      readonly content: {
        readonly 'application/json': {
          /** @enum {string} */
          readonly theme?: 'system' | 'light' | 'dark';
        };
      };
    };
    readonly responses: {
      /** @description Success. */
      readonly 200: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            /** @enum {string} */
            readonly theme: 'system' | 'light' | 'dark';
          };
        };
      };
      /** @description Invalid input (VALIDATION_FAILED names the field in `path`). */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, invalid or expired credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
      /** @description The caller's role is below viewer. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  readonly getInvitations: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description Success. */
      readonly 200: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            readonly items: readonly {
              /** Format: uuid */
              readonly id: string;
              /** @description The e-mail invited, as given (normalised). */
              readonly email: string;
              /** @enum {string} */
              readonly role: 'admin' | 'member' | 'viewer';
              readonly createdAt: string;
              readonly expiresAt: string;
              readonly tenant: {
                /** Format: uuid */
                readonly id: string;
                readonly slug: string;
                readonly name: string;
              };
            }[];
          };
        };
      };
      /** @description Invalid input (VALIDATION_FAILED names the field in `path`). */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, invalid or expired credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
      /** @description The caller's role is below viewer. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  readonly postInvitationsIdAccept: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path: {
        readonly id: string;
      };
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description Success. */
      readonly 200: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            readonly tenant: {
              /** Format: uuid */
              readonly id: string;
              readonly slug: string;
              readonly name: string;
            };
            /** @enum {string} */
            readonly role: 'admin' | 'member' | 'viewer';
          };
        };
      };
      /** @description Invalid input (VALIDATION_FAILED names the field in `path`). */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, invalid or expired credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
      /** @description The caller's role is below viewer. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  readonly postInvitationsRedeem: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly requestBody: {
      readonly content: {
        readonly 'application/json': {
          readonly code: string;
          readonly password: string;
          readonly displayName?: string;
        };
      };
    };
    readonly responses: {
      /** @description Success. */
      readonly 201: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            readonly tenant: {
              /** Format: uuid */
              readonly id: string;
              readonly slug: string;
              readonly name: string;
            };
            /** @enum {string} */
            readonly role: 'admin' | 'member' | 'viewer';
            readonly email: string;
          };
        };
      };
      /** @description Invalid input (VALIDATION_FAILED names the field in `path`). */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  readonly getTeams: {
    readonly parameters: {
      readonly query?: {
        /** @description Part of the name. */
        readonly q?: string;
        /** @description Sort key. */
        readonly sort?: 'name';
        readonly order?: 'asc' | 'desc';
        /** @description Items per page (1–200). */
        readonly limit?: number;
        /** @description The nextCursor of the previous page. */
        readonly cursor?: string;
      };
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description Success. */
      readonly 200: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            readonly items: readonly {
              readonly id: number;
              readonly name: string;
              /** @description The key metric filters accept (`team=`), with the name. */
              readonly externalId: string;
              readonly source: string;
              readonly parentId: number | null;
              /** @description Current members. */
              readonly members: number;
              /** @description Full names of the repositories the team owns. */
              readonly repositories: readonly string[];
            }[];
            /** @description Pass as `cursor` for the next page; null on the last. */
            readonly nextCursor: string | null;
          };
        };
      };
      /** @description Invalid input (VALIDATION_FAILED names the field in `path`). */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, invalid or expired credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
      /** @description The caller's role is below viewer. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  readonly postTeams: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly requestBody: {
      readonly content: {
        readonly 'application/json': {
          readonly name: string;
          /** @description Team key; default: derived from the name. */
          readonly key?: string;
          readonly parentId?: number | null;
        };
      };
    };
    readonly responses: {
      /** @description Success. */
      readonly 201: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            readonly id: number;
            readonly name: string;
            /** @description The key metric filters accept (`team=`), with the name. */
            readonly externalId: string;
            readonly source: string;
            readonly parentId: number | null;
            /** @description Current members. */
            readonly members: number;
            /** @description Full names of the repositories the team owns. */
            readonly repositories: readonly string[];
          };
        };
      };
      /** @description Invalid input (VALIDATION_FAILED names the field in `path`). */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, invalid or expired credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
      /** @description The caller's role is below admin. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  readonly deleteTeamsId: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path: {
        readonly id: string;
      };
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description Done; no body. */
      readonly 204: {
        headers: {
          readonly [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Invalid input (VALIDATION_FAILED names the field in `path`). */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, invalid or expired credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
      /** @description The caller's role is below admin. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  readonly patchTeamsId: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path: {
        readonly id: string;
      };
      readonly cookie?: never;
    };
    readonly requestBody: {
      readonly content: {
        readonly 'application/json': {
          readonly name?: string;
          /** @description Team key; default: derived from the name. */
          readonly key?: string;
          readonly parentId?: number | null;
        };
      };
    };
    readonly responses: {
      /** @description Success. */
      readonly 200: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            readonly id: number;
            readonly name: string;
            /** @description The key metric filters accept (`team=`), with the name. */
            readonly externalId: string;
            readonly source: string;
            readonly parentId: number | null;
            /** @description Current members. */
            readonly members: number;
            /** @description Full names of the repositories the team owns. */
            readonly repositories: readonly string[];
          };
        };
      };
      /** @description Invalid input (VALIDATION_FAILED names the field in `path`). */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, invalid or expired credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
      /** @description The caller's role is below admin. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  readonly getTeamsIdMembers: {
    readonly parameters: {
      readonly query?: {
        readonly history?: 'true' | 'false';
      };
      readonly header?: never;
      readonly path: {
        readonly id: string;
      };
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description Success. */
      readonly 200: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            readonly items: readonly {
              readonly personId: number;
              readonly displayName: string;
              readonly email: string | null;
              readonly role: string | null;
              readonly validFrom: string;
              /** @description Null while a member. */
              readonly validTo: string | null;
            }[];
          };
        };
      };
      /** @description Invalid input (VALIDATION_FAILED names the field in `path`). */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, invalid or expired credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
      /** @description The caller's role is below viewer. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  readonly postTeamsIdMembers: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path: {
        readonly id: string;
      };
      readonly cookie?: never;
    };
    readonly requestBody: {
      readonly content: {
        readonly 'application/json': {
          readonly personId: number;
          /**
           * Format: date-time
           * @description ISO timestamp; default now.
           */
          readonly from?: string;
          readonly role?: string;
        };
      };
    };
    readonly responses: {
      /** @description Success. */
      readonly 201: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            readonly personId: number;
            readonly displayName: string;
            readonly email: string | null;
            readonly role: string | null;
            readonly validFrom: string;
            /** @description Null while a member. */
            readonly validTo: string | null;
          };
        };
      };
      /** @description Invalid input (VALIDATION_FAILED names the field in `path`). */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, invalid or expired credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
      /** @description The caller's role is below admin. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  readonly deleteTeamsIdMembersPersonId: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path: {
        readonly id: string;
        readonly personId: string;
      };
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description Done; no body. */
      readonly 204: {
        headers: {
          readonly [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Invalid input (VALIDATION_FAILED names the field in `path`). */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, invalid or expired credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
      /** @description The caller's role is below admin. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  readonly putTeamsIdRepositories: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path: {
        readonly id: string;
      };
      readonly cookie?: never;
    };
    readonly requestBody: {
      readonly content: {
        readonly 'application/json': {
          readonly repositories: readonly string[];
        };
      };
    };
    readonly responses: {
      /** @description Success. */
      readonly 200: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            readonly id: number;
            readonly name: string;
            /** @description The key metric filters accept (`team=`), with the name. */
            readonly externalId: string;
            readonly source: string;
            readonly parentId: number | null;
            /** @description Current members. */
            readonly members: number;
            /** @description Full names of the repositories the team owns. */
            readonly repositories: readonly string[];
          };
        };
      };
      /** @description Invalid input (VALIDATION_FAILED names the field in `path`). */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, invalid or expired credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
      /** @description The caller's role is below admin. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  readonly getPeople: {
    readonly parameters: {
      readonly query?: {
        /** @description Part of the name, e-mail, login or account id. */
        readonly q?: string;
        /** @description Only bots (true) or only humans (false). */
        readonly bot?: 'true' | 'false';
        /** @description Sort key. */
        readonly sort?: 'displayName';
        readonly order?: 'asc' | 'desc';
        /** @description Items per page (1–200). */
        readonly limit?: number;
        /** @description The nextCursor of the previous page. */
        readonly cursor?: string;
      };
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description Success. */
      readonly 200: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            readonly items: readonly {
              readonly id: number;
              readonly displayName: string;
              readonly email: string | null;
              readonly isBot: boolean;
              readonly identities: readonly {
                readonly source: string;
                readonly externalId: string;
                readonly login: string | null;
                readonly email: string | null;
                readonly name: string | null;
              }[];
              /** @description Names of the teams the person belongs to now. */
              readonly teams: readonly string[];
            }[];
            /** @description Pass as `cursor` for the next page; null on the last. */
            readonly nextCursor: string | null;
          };
        };
      };
      /** @description Invalid input (VALIDATION_FAILED names the field in `path`). */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, invalid or expired credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
      /** @description The caller's role is below viewer. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  readonly postPeopleIdMerge: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path: {
        readonly id: string;
      };
      readonly cookie?: never;
    };
    readonly requestBody: {
      readonly content: {
        readonly 'application/json': {
          /** @description The person merged away. */
          readonly from: number;
        };
      };
    };
    readonly responses: {
      /** @description Success. */
      readonly 200: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            readonly into: number;
            readonly from: number;
            /** @description Identities moved. */
            readonly identities: number;
            /** @description Team memberships moved. */
            readonly memberships: number;
          };
        };
      };
      /** @description Invalid input (VALIDATION_FAILED names the field in `path`). */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
      /** @description Missing, invalid or expired credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
      /** @description The caller's role is below admin. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': components['schemas']['Error'];
        };
      };
    };
  };
}
