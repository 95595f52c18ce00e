import type { Scenario } from './scenario.ts';

/**
 * The api repository of the DORA month (March 2026), used by the metric and CLI tests:
 *   week of 03-02: A1 Mon 10:00, A2 Tue 10:00, A3 Wed 10:00, A4 Wed 15:00 → 4 deployments, 3 days
 *   week of 03-09: A5 Mon                                                → 1 deployment, 1 day
 *   week of 03-16: none                                                  → 0
 *   week of 03-23: A6 Mon, A7 Tue, A8 Thu, A9 Fri                        → 4 deployments, 4 days
 * Each deployment ships one new commit: lead times 2, 4, 1, 4, 24, 24, 1, 24 and 2 hours.
 * I1 names A3 (resolved 3 h after A3 finished); I2 hits api after A6 and is resolved 26 h after A6.
 * The repository must exist in the scenario (s.repo('api')).
 */
export function addDoraMonth(s: Scenario): Scenario {
  const api: [string, string, string][] = [
    ['c1', '2026-03-02T08:00', '2026-03-02T10:00'],
    ['c2', '2026-03-03T06:00', '2026-03-03T10:00'],
    ['c3', '2026-03-04T09:00', '2026-03-04T10:00'],
    ['c4', '2026-03-04T11:00', '2026-03-04T15:00'],
    ['c5', '2026-03-08T10:00', '2026-03-09T10:00'],
    ['c6', '2026-03-22T10:00', '2026-03-23T10:00'],
    ['c7', '2026-03-24T09:00', '2026-03-24T10:00'],
    ['c8', '2026-03-25T10:00', '2026-03-26T10:00'],
    ['c9', '2026-03-27T08:00', '2026-03-27T10:00'],
  ];
  api.forEach(([commit, authored, deployed], i) => {
    s.commit('api', commit, authored, i === 0 ? [] : [api[i - 1]![0]]);
    s.deploy('api', `A${i + 1}`, 'production', commit, deployed);
  });
  s.incident('I1', { deployment: 'A3', started: '2026-03-04T11:00', resolved: '2026-03-04T13:00' });
  s.incident('I2', { repo: 'api', started: '2026-03-23T12:00', resolved: '2026-03-24T12:00' });
  return s;
}
