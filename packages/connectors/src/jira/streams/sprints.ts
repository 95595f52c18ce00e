/**
 * sprints: the sprints of the scrum boards of every configured project (one partition per
 * project), and of the boards named in `boards` (one partition each), read in full every run:
 * a board has tens of sprints, and a sprint's dates and state change without any issue changing.
 * A sprint shown on several boards is one record (keyed by its id). → sprint records; which issues
 * were in each sprint comes from the issues' Sprint field history.
 */
import type { Json, Page, Partition, Stream } from '../../kit/contract.ts';
import type { JiraConfig, JiraSecrets } from '../config.ts';
import type { JiraContext } from '../client.ts';
import { sprintExternalId } from '../ids.ts';
import { mapSprint } from '../map/sprints.ts';
import type { JiraBoard, JiraSprint } from '../payloads.ts';
import { agilePages } from './agile-pages.ts';
import { checkProject } from './projects.ts';

export const sprintsStream: Stream<JiraConfig, JiraSecrets, Record<string, never>> = {
  name: 'sprints',
  partitions: async (ctx) => sprintPartitions(ctx.config),
  map: mapSprint,
  async *read(ctx, { partition }): AsyncGenerator<Page<Record<string, never>>> {
    for (const board of await boardsOf(ctx, partition)) {
      for await (const sprints of agilePages<JiraSprint>(
        ctx,
        `/rest/agile/1.0/board/${board}/sprint`,
        `board ${board}`,
      )) {
        if (sprints.length === 0) continue;
        yield {
          items: sprints.map((sprint) => ({
            externalId: sprintExternalId(ctx.config, sprint.id),
            payload: { ...sprint, originBoardId: sprint.originBoardId ?? board } as unknown as Json,
          })),
          cursor: {},
        };
      }
    }
  },
};

export function sprintPartitions(config: JiraConfig): Partition[] {
  return [
    ...(config.projects.keys ?? []).map((key) => ({ key: `project:${key}`, data: { project: key } })),
    ...(config.boards ?? []).map((id) => ({ key: `board:${id}`, data: { board: id } })),
  ];
}

/** The scrum boards of a partition (kanban boards have no sprints). */
async function boardsOf(ctx: JiraContext, partition: Partition): Promise<number[]> {
  const data = partition.data as { project?: string; board?: number };
  // A board that is gone fails its sprint listing with a 404 naming it.
  if (data.board !== undefined) return [data.board];
  const project = data.project!;
  await checkProject(ctx, project);
  const boards: number[] = [];
  const url = `/rest/agile/1.0/board?projectKeyOrId=${encodeURIComponent(project)}&type=scrum`;
  for await (const page of agilePages<JiraBoard>(ctx, url, `the boards of project ${project}`))
    for (const board of page) if (board.id !== undefined && board.type !== 'kanban') boards.push(board.id);
  return boards;
}
