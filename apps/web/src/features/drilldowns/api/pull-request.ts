import type { ResponseOf } from '../../../lib/api/api-types.ts';

/** An item of GET /pull-requests. */
export type PullRequest = ResponseOf<'/pull-requests'>['items'][number];
