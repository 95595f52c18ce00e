import { z } from 'zod';
import { actor, entityKey, instant, recordRef } from './shared.ts';

export const statusCategory = z.enum(['todo', 'in_progress', 'waiting', 'done']);
export type StatusCategory = z.infer<typeof statusCategory>;

export const workItemKind = z.enum(['feature', 'defect', 'risk', 'debt', 'incident', 'other']);
export type WorkItemKind = z.infer<typeof workItemKind>;

/** When a work item was in one sprint: periods oldest first, `to` absent while it still is. */
export const sprintMembership = z.strictObject({
  sprint: recordRef,
  periods: z
    .array(z.strictObject({ from: instant, to: instant.optional() }))
    .min(1)
    .max(1000),
});

/** The story points a work item had from `at` on (no value: none set). */
export const storyPointsChange = z.strictObject({
  at: instant,
  value: z.number().nonnegative().optional(),
});

export const workItemRecord = z.strictObject({
  type: z.literal('work_item'),
  ...entityKey,
  key: z.string().min(1).max(200),
  title: z.string().max(10_000),
  url: z.string().max(2000).optional(),
  kind: workItemKind.optional(),
  typeName: z.string().max(200).optional(),
  status: z.string().min(1).max(200),
  statusCategory,
  priority: z.string().max(100).optional(),
  storyPoints: z.number().nonnegative().optional(),
  projectKey: z.string().max(200).optional(),
  parentKey: z.string().max(200).optional(),
  assignee: actor.optional(),
  reporter: actor.optional(),
  createdAt: instant,
  resolvedAt: instant.optional(),
  updatedAt: instant,
  /** Pull requests this item is linked to; replaces the stored links of kind 'source'. */
  pullRequests: z.array(recordRef).max(10_000).optional(),
  /**
   * Every sprint the item was ever in, with when; replaces the stored history. Sprint scope
   * (in scope at start and end, completed, carried over) is derived from it and the sprint's dates.
   */
  sprints: z.array(sprintMembership).max(1000).optional(),
  /** How the story points changed, oldest first; replaces the stored history. */
  storyPointsHistory: z.array(storyPointsChange).max(10_000).optional(),
});

export const transitionRecord = z.strictObject({
  type: z.literal('transition'),
  ...entityKey,
  workItem: recordRef,
  fromStatus: z.string().max(200).optional(),
  toStatus: z.string().min(1).max(200),
  fromCategory: statusCategory.optional(),
  toCategory: statusCategory,
  at: instant,
  by: actor.optional(),
});

/** A sprint (iteration) of a board. Work items name the sprints they were in (`sprints`). */
export const sprintRecord = z.strictObject({
  type: z.literal('sprint'),
  ...entityKey,
  name: z.string().min(1).max(500),
  state: z.enum(['future', 'active', 'closed']),
  /** The board the sprint belongs to, as the source names it. */
  board: z.string().max(200).optional(),
  goal: z.string().max(10_000).optional(),
  startsAt: instant.optional(),
  endsAt: instant.optional(),
  completedAt: instant.optional(),
});

export type WorkItemRecord = z.infer<typeof workItemRecord>;
export type TransitionRecord = z.infer<typeof transitionRecord>;
export type SprintRecord = z.infer<typeof sprintRecord>;
export type SprintMembership = z.infer<typeof sprintMembership>;
export type StoryPointsChange = z.infer<typeof storyPointsChange>;
