/**
 * No silent loss with Jira, through the whole engine against the fake Jira: a search answering 403
 * once loses nothing (the answer is asked again before it is believed); a project still forbidden
 * fails its partition and the run ends `partial` (never plain `succeeded`).
 */
import { afterEach, expect, it } from 'vitest';
import { scenario } from '../../../connectors/test/jira/fake/generate.ts';
import { startFakeJira, type FakeJiraServer } from '../../../connectors/test/jira/fake/server.ts';
import { describeEachDb } from '../../../../test/support/databases.ts';
import { connectJira } from './support.ts';

let server: FakeJiraServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});
const start = async () => (server = await startFakeJira(scenario({ filler: 4 }), { flavour: 'cloud' }));

describeEachDb('Jira: no silent loss', (handle) => {
  it('a search answering 403 once, then 200, loses no issue', { timeout: 60_000 }, async () => {
    const s = await start();
    const clean = await connectJira(handle.db, s);
    const baseline = await clean.sync('full');
    expect(baseline.state).toBe('succeeded');
    const all = await clean.query<{ n: number }>('select count(*)::int as n from work_items');

    const flaky = await connectJira(handle.db, s);
    s.http.fault(
      { status: 403, json: { errorMessages: ['You do not have permission.'], errors: {} } },
      { method: 'POST', path: '/rest/api/3/search/jql' },
    );
    const run = await flaky.sync('full');
    expect(run.state).toBe('succeeded');
    const stored = await flaky.query<{ n: number }>('select count(*)::int as n from work_items');
    expect(all[0]!.n).toBeGreaterThan(0);
    expect(stored[0]!.n).toBe(all[0]!.n);
    expect(run.progress.records).toBe(baseline.progress.records);
  });

  it(
    'a project still forbidden fails its partition and the run is partial',
    { timeout: 60_000 },
    async () => {
      const s = await start();
      const jira = await connectJira(handle.db, s);
      s.model.forbidden.add('OPS');
      // Every failure tolerated: the run must still not read as plain success.
      await jira.query('update integrations set max_failed_share = 1 where id = $1', [jira.integration.id]);
      const run = await jira.sync('full');
      expect(run.state).toBe('partial');
      expect(run.summary.failedPartitions).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ stream: 'issues', partition: expect.stringContaining('OPS') }),
        ]),
      );
      expect(run.summary.failedPartitions).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ error: expect.objectContaining({ code: 'JIRA_PERMISSION_DENIED' }) }),
        ]),
      );
    },
  );
});
