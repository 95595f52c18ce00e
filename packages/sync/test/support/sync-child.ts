/**
 * A child process for the crash tests: executes one sync run (in-memory or GitHub connector) against a
 * PostgreSQL URL or an embedded database folder, so the parent can kill -9 it at any instant.
 * argv: <database url | folder> <tenant id> <run id> <config json>
 */
import { openDatabase } from '@pulse/db';
import { githubConnector, jiraConnector } from '@pulse/connectors';
import { executeRun, httpFactory } from '@pulse/sync';
import { silentLog, testDeps } from './harness.ts';
import { memoryConnector } from './memory-connector.ts';
import { loopbackEgress } from './egress.ts';

const [target, tenantId, runId] = process.argv.slice(2) as [string, string, string];
const db = await openDatabase(
  target.startsWith('postgres') ? { url: target, poolMax: 2 } : { dataDir: target },
);
const deps = testDeps(db, [memoryConnector().connector, githubConnector, jiraConnector], {
  orphanAfterMs: 0,
  createHttp: httpFactory(silentLog, loopbackEgress),
});
const run = await executeRun(deps, tenantId, Number(runId));
await db.close();
process.stdout.write(JSON.stringify({ state: run.state }) + '\n');
