/** Maps an Agile API sprint to a sprint record. */
import type { NormalisedRecord } from '@pulse/core';
import type { Json, MapContext } from '../../kit/contract.ts';
import type { JiraConfig } from '../config.ts';
import { sprintExternalId } from '../ids.ts';
import { jiraTime } from '../jql.ts';
import type { JiraSprint } from '../payloads.ts';

const states = { future: 'future', active: 'active', closed: 'closed' } as const;

export function mapSprint(raw: Json, ctx: MapContext<JiraConfig>): NormalisedRecord[] {
  const sprint = raw as unknown as JiraSprint;
  const state = states[sprint.state.toLowerCase() as keyof typeof states] ?? 'future';
  const time = (value: string | undefined) => (value === undefined ? undefined : jiraTime(value));
  const startsAt = time(sprint.startDate);
  const endsAt = time(sprint.endDate);
  const completedAt = time(sprint.completeDate);
  return [
    {
      type: 'sprint',
      source: 'jira',
      externalId: sprintExternalId(ctx.config, sprint.id),
      name: sprint.name,
      state,
      ...(sprint.originBoardId === undefined ? {} : { board: String(sprint.originBoardId) }),
      ...(sprint.goal ? { goal: sprint.goal } : {}),
      ...(startsAt ? { startsAt } : {}),
      ...(endsAt ? { endsAt } : {}),
      ...(completedAt ? { completedAt } : {}),
    },
  ];
}
