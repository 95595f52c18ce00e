import { z } from 'zod';
import { externalId, sourceName } from './shared.ts';

/**
 * A record that no longer exists in its source, or no longer qualifies (an issue whose type is no
 * longer mapped to incidents). Either one record (`externalId`), or every work item of the source
 * except those listed (`keepOnly`), which is how a source without deletion events is reconciled:
 * list every id it still has. Deleting a work item also deletes the incident with the same key
 * (the same ticket) and everything that hangs off the work item.
 */
export const deletionRecord = z
  .strictObject({
    type: z.literal('deletion'),
    source: sourceName,
    recordType: z.enum(['work_item', 'incident']),
    externalId: externalId.optional(),
    keepOnly: z
      .strictObject({
        externalIds: z.array(externalId).max(5_000_000),
        /** Only work items of these projects are considered (default: all of the source). */
        projectKeys: z.array(z.string().min(1).max(200)).max(10_000).optional(),
      })
      .optional(),
  })
  .refine((d) => (d.externalId === undefined) !== (d.keepOnly === undefined), {
    message: 'give either externalId or keepOnly',
    path: ['externalId'],
  })
  .refine((d) => d.keepOnly === undefined || d.recordType === 'work_item', {
    message: 'keepOnly applies to work items only',
    path: ['keepOnly'],
  });

export type DeletionRecord = z.infer<typeof deletionRecord>;
