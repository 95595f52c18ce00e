import { useSearchParams } from 'react-router';
import { ErrorBox } from '../../../app/ErrorBox.tsx';
import { formatDate } from '../../../lib/format/format-date.ts';
import { formatDuration } from '../../../lib/format/format-duration.ts';
import { formatNumber } from '../../../lib/format/format-number.ts';
import { FilterBar } from '../../filters/components/FilterBar.tsx';
import { useFilters } from '../../filters/hooks/use-filters.ts';
import { resolvePeriod } from '../../filters/lib/resolve-period.ts';
import { pullRequestLimit, usePullRequestsInPeriod } from '../hooks/use-pull-requests-in-period.ts';
import { rankPullRequests, type PullRequestView } from '../lib/rank-pull-requests.ts';
import { recoverySeconds } from '../lib/recovery-seconds.ts';
import { ExternalLink } from './ExternalLink.tsx';

const views: { id: PullRequestView; label: string; note: string }[] = [
  {
    id: 'waiting',
    label: 'Waiting for review',
    note: 'Open pull requests that are ready for review, oldest first (any age).',
  },
  {
    id: 'slowest',
    label: 'Slowest',
    note: 'Merged pull requests opened in the period, longest from opening to merge.',
  },
  { id: 'largest', label: 'Largest', note: 'Merged pull requests opened in the period, most lines changed.' },
];

/** Pull requests waiting for review, the slowest and the largest, each linking to the source. */
export function PullRequestsPage() {
  const [filters] = useFilters();
  const [params, setParams] = useSearchParams();
  const view = (views.find((v) => v.id === params.get('view')) ?? views[0]!).id;
  const period = resolvePeriod(filters);
  const waiting = view === 'waiting';
  const pulls = usePullRequestsInPeriod({
    state: waiting ? 'open' : 'merged',
    ...(waiting ? {} : period),
    repository: filters.repository,
  });
  const rows = pulls.data === undefined ? [] : rankPullRequests(pulls.data.items, view);
  // Waiting time as of when the list was read.
  const now = pulls.dataUpdatedAt;
  return (
    <>
      <div className="page-head">
        <h1>Pull requests</h1>
        <p className="muted">{views.find((v) => v.id === view)!.note}</p>
      </div>
      <FilterBar show={['repository']} />
      <div className="tabs" role="group" aria-label="Pull request views">
        {views.map((v) => (
          <button
            key={v.id}
            type="button"
            aria-pressed={v.id === view}
            className={v.id === view ? 'active' : undefined}
            onClick={() =>
              setParams((p) => {
                p.set('view', v.id);
                return p;
              })
            }
          >
            {v.label}
          </button>
        ))}
      </div>
      {pulls.error !== null && <ErrorBox error={pulls.error} />}
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{view} pull requests</caption>
          <thead>
            <tr>
              <th scope="col">Pull request</th>
              <th scope="col">Repository</th>
              <th scope="col">Author</th>
              <th scope="col">Opened</th>
              <th scope="col">{waiting ? 'Waiting for' : 'Open to merge'}</th>
              <th scope="col">Lines changed</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => (
              <tr key={p.id}>
                <td>
                  <ExternalLink href={p.url}>
                    #{p.number} {p.title}
                  </ExternalLink>
                </td>
                <td>{p.repository}</td>
                <td>{p.author?.login ?? '—'}</td>
                <td>{formatDate(p.createdAt)}</td>
                <td>
                  {formatDuration(
                    waiting
                      ? (now - Date.parse(p.createdAt)) / 1000
                      : recoverySeconds(p.createdAt, p.mergedAt),
                  )}
                </td>
                <td>
                  {p.additions === null || p.deletions === null
                    ? '—'
                    : formatNumber(p.additions + p.deletions)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pulls.isSuccess && rows.length === 0 && <p className="muted">No pull requests match.</p>}
      {pulls.data?.truncated && (
        <p className="muted small">Ranked among the newest {formatNumber(pullRequestLimit)} pull requests.</p>
      )}
    </>
  );
}
