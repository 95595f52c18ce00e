export type { Db, Queryable, QueryResult, Tx } from './db.ts';
export { openPglite } from './pglite.ts';
export { openPostgres, type PostgresOptions } from './postgres.ts';
export { openDatabase, type DatabaseTarget } from './open.ts';
export { migrate, migrationStatus, loadMigrations, type Migration, type MigrateResult } from './migrate.ts';
export {
  withTenant,
  withoutTenant,
  asOperator,
  readAsOperator,
  appRole,
  operatorRole,
  type AuditEntry,
} from './tenancy.ts';
export { dumpSchema } from './schema-dump.ts';
export { tenantTables, rlsReport, type RlsTableStatus } from './rls-report.ts';
export { quoteIdent } from './copy-text.ts';
export { isConnectionLost, isTransientConflict, retryTransient, sleep, waitUntilReachable } from './retry.ts';
export { insertRows, type InsertRowsOptions } from './insert-rows.ts';
export {
  createTenant,
  listTenants,
  findTenant,
  createUser,
  type Tenant,
  type CreatedUser,
} from './platform.ts';
export {
  rotateSecrets,
  sealIntegrationSecrets,
  openIntegrationSecrets,
  type RotateResult,
} from './secrets.ts';
