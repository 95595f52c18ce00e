/**
 * The cursor of the commits and refs streams: a snapshot of the repository's refs
 * ({ refs: { "refs/heads/main": "<sha>", … } }) taken when a read started.
 */
import { z } from 'zod';
import type { Logger } from '../../kit/contract.ts';

export type RefsCursor = { refs: { [refname: string]: string } };

const hex = /^[0-9a-f]{40}([0-9a-f]{24})?$/;
const refsCursor = z.strictObject({ refs: z.record(z.string(), z.string().regex(hex)) });

/** The stored cursor, or an empty snapshot (read everything) when there is none or it is unusable. */
export function parseRefsCursor(cursor: unknown, log: Logger): RefsCursor {
  if (cursor === null || cursor === undefined) return { refs: {} };
  const parsed = refsCursor.safeParse(cursor);
  if (parsed.success) return parsed.data;
  log.warn(
    { issues: parsed.error.issues.slice(0, 3) },
    'unusable git cursor: reading the whole history again',
  );
  return { refs: {} };
}
