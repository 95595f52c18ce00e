import type { PullRequest } from '../api/pull-request.ts';

export type PullRequestView = 'waiting' | 'slowest' | 'largest';

const size = (p: PullRequest) =>
  p.additions === null || p.deletions === null ? -1 : p.additions + p.deletions;
const cycle = (p: PullRequest) =>
  p.mergedAt === null ? -1 : Date.parse(p.mergedAt) - Date.parse(p.createdAt);

/**
 * The pull requests of a drill-down view, top `limit`: waiting = open and ready for review,
 * oldest first; slowest = merged, longest from opening to merge; largest = most lines changed.
 * Bots are left out, as in the metrics.
 */
export function rankPullRequests(
  pulls: readonly PullRequest[],
  view: PullRequestView,
  limit = 50,
): PullRequest[] {
  const humans = pulls.filter((p) => !(p.author?.isBot ?? false));
  switch (view) {
    case 'waiting':
      return humans
        .filter((p) => p.state === 'open' && !p.isDraft)
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
        .slice(0, limit);
    case 'slowest':
      return humans
        .filter((p) => p.mergedAt !== null)
        .sort((a, b) => cycle(b) - cycle(a))
        .slice(0, limit);
    case 'largest':
      return humans
        .filter((p) => size(p) >= 0)
        .sort((a, b) => size(b) - size(a))
        .slice(0, limit);
  }
}
