/** The reconciliation's id list → one deletion keeping only those work items (of those projects). */
import type { NormalisedRecord } from '@pulse/core';
import type { Json, MapContext } from '../../kit/contract.ts';
import type { JiraConfig } from '../config.ts';

export interface IdList {
  /** External ids of every issue the integration selects now. */
  readonly ids: readonly string[];
  /** With project keys only: deletions are limited to work items of these projects. */
  readonly projects?: readonly string[];
}

export function mapDeletions(raw: Json, _ctx: MapContext<JiraConfig>): NormalisedRecord[] {
  const list = raw as unknown as IdList;
  return [
    {
      type: 'deletion',
      source: 'jira',
      recordType: 'work_item',
      keepOnly: {
        externalIds: [...list.ids],
        ...(list.projects === undefined ? {} : { projectKeys: [...list.projects] }),
      },
    },
  ];
}
