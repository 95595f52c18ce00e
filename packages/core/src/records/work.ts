import { z } from 'zod';
import { actor, entityKey, instant, recordRef } from './shared.ts';

const statusCategory = z.enum(['todo', 'in_progress', 'waiting', 'done']);

export const workItemRecord = z.strictObject({
  type: z.literal('work_item'),
  ...entityKey,
  key: z.string().min(1).max(200),
  title: z.string().max(10_000),
  url: z.string().max(2000).optional(),
  kind: z.enum(['feature', 'defect', 'risk', 'debt', 'incident', 'other']).optional(),
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

export type WorkItemRecord = z.infer<typeof workItemRecord>;
export type TransitionRecord = z.infer<typeof transitionRecord>;
