/** A Jira integration against the fake Jira, synced through the whole engine (runner, HTTP client, writer). */
import { jiraConnector } from '@pulse/connectors';
import type { NormalisedRecord } from '@pulse/core';
import { withTenant, type Db } from '@pulse/db';
import { addIntegration, executeRun, httpFactory, requestSync, writeRecords } from '@pulse/sync';
import type { JiraConfigInput } from '@pulse/connectors';
import { fakeConfig } from '../../../connectors/test/jira/support.ts';
import type { FakeJiraServer } from '../../../connectors/test/jira/fake/server.ts';
import { newTenant, silentLog, testDeps } from '../support/harness.ts';
import { loopbackEgress } from '../support/egress.ts';

export async function connectJira(db: Db, server: FakeJiraServer, config: Partial<JiraConfigInput> = {}) {
  const deps = testDeps(db, [jiraConnector], { createHttp: httpFactory(silentLog, loopbackEgress) });
  const tenantId = await newTenant(db, 'jira');
  const integration = await addIntegration(db, deps.keyring, deps.registry, tenantId, {
    kind: 'jira',
    name: 'jira',
    config: fakeConfig(server, { incidents: { serviceField: 'components' }, ...config }),
    secrets: { token: server.token },
  });
  const sync = async (mode: 'incremental' | 'full' = 'incremental') => {
    const { run } = await requestSync(db, tenantId, integration.id, { mode, requestedBy: 'test' });
    return executeRun(deps, tenantId, run.id);
  };
  const query = <R>(sql: string, params: unknown[] = []) =>
    withTenant(db, tenantId, async (tx) => (await tx.query<R>(sql, params)).rows);
  const write = (records: NormalisedRecord[]) =>
    withTenant(db, tenantId, (tx) => writeRecords(tx, { tenantId, integrationId: null }, records));
  return { deps, tenantId, integration, sync, query, write };
}

/** Hours since the fake's T0 of a stored instant. */
export function hoursOf(at: Date | string, t0: number): number {
  return (new Date(at).getTime() - t0) / 3_600_000;
}
