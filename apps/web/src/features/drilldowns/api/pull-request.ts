/** An item of GET /pull-requests. */
export interface PullRequest {
  readonly id: number;
  readonly source: string;
  readonly repository: string;
  readonly number: number;
  readonly title: string;
  readonly url: string | null;
  readonly state: 'open' | 'merged' | 'closed';
  readonly isDraft: boolean;
  readonly author: {
    readonly login: string | null;
    readonly name: string | null;
    readonly isBot: boolean;
  } | null;
  readonly additions: number | null;
  readonly deletions: number | null;
  readonly createdAt: string;
  readonly mergedAt: string | null;
  readonly updatedAt: string;
}
