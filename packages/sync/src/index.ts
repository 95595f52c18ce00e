export { connectorRegistry, connectorFor, type ConnectorRegistry, type AnyConnector } from './registry.ts';
export {
  addIntegration,
  listIntegrations,
  getIntegration,
  removeIntegration,
  loadSecrets,
  type Integration,
  type NewIntegration,
} from './integrations/integrations.ts';
export { updateIntegration, type IntegrationChanges } from './integrations/update-integration.ts';
export { checkIntegration } from './integrations/check-integration.ts';
export {
  requestSync,
  getRun,
  listRuns,
  controlRun,
  activeStates,
  runStates,
  type SyncRun,
  type RunState,
  type RunProgress,
  type RunCommand,
} from './runs/runs.ts';
export { executeRun, type ExecuteOptions } from './runner/execute-run.ts';
export type { RunnerDeps, HttpEventLike, HttpPurpose } from './runner/deps.ts';
export type { ProgressEvent } from './runner/progress.ts';
export { openSyncQueue, syncQueueName, type SyncQueue, type SyncJob } from './queue/sync-queue.ts';
export { scheduleDueSyncs, syncNow } from './queue/scheduler.ts';
export { startWorker, type Worker, type WorkerOptions } from './queue/worker.ts';
export { reprocess, type ReprocessResult } from './runner/reprocess.ts';
export { httpFactory } from './runner/http-factory.ts';
export { writeRecords, writeOrder } from './store/write-records.ts';
export type { WriteContext, WriteResult, WriteOptions, UnresolvedRecord } from './store/types.ts';
export { mergePeople, type MergeResult } from './store/merge-people.ts';
export { StatisticsSchedule, tablesOf } from './store/statistics.ts';
export {
  importNdjson,
  type ImportOptions,
  type ImportProgress,
  type ImportResult,
  type LineError,
} from './ndjson/import-ndjson.ts';
export { exportNdjson, type ExportOptions, type ExportResult } from './ndjson/export-ndjson.ts';
export { listPeople, type PersonSummary } from './store/list-people.ts';
export { listUnmatchedIdentities, type UnmatchedIdentity } from './store/list-unmatched.ts';
export {
  readMappings,
  writeMappings,
  mappingChanges,
  type IntegrationMappings,
  type MappingChanges,
  type StatusMapping,
  type TypeMapping,
  type WriteMappingsResult,
} from './integrations/mappings.ts';
