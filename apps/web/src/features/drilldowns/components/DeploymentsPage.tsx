import { Link, useSearchParams } from 'react-router';
import { ErrorBox } from '../../../app/ErrorBox.tsx';
import { formatDate } from '../../../lib/format/format-date.ts';
import { formatDuration } from '../../../lib/format/format-duration.ts';
import { FilterBar } from '../../filters/components/FilterBar.tsx';
import { useFilters } from '../../filters/hooks/use-filters.ts';
import { resolvePeriod } from '../../filters/lib/resolve-period.ts';
import type { Deployment } from '../api/deployment.ts';
import { useList } from '../hooks/use-list.ts';
import { describeFailureReason } from '../lib/describe-failure-reason.ts';
import { recoverySeconds } from '../lib/recovery-seconds.ts';
import { ExternalLink } from './ExternalLink.tsx';
import { LoadMore } from './LoadMore.tsx';

/** Deployments of the period with their change counts and why failed ones count as failed. */
export function DeploymentsPage() {
  const [filters] = useFilters();
  const [params, setParams] = useSearchParams();
  const onlyFailed = params.get('failed') === 'true';
  const period = resolvePeriod(filters);
  const list = useList<Deployment>('/deployments', {
    ...period,
    repository: filters.repository,
    ...(filters.environment === undefined ? { production: 'true' } : { environment: filters.environment }),
    limit: '100',
  });
  const rows = (list.data?.pages.flatMap((p) => p.items) ?? []).filter(
    (d) => !onlyFailed || d.failed === true,
  );
  return (
    <>
      <div className="page-head">
        <h1>Deployments</h1>
        <p className="muted">
          {filters.environment ?? 'Production'} deployments from {period.from} to {period.to} (exclusive),
          newest first.
        </p>
      </div>
      <FilterBar show={['repository', 'environment']} />
      <label className="checkbox">
        <input
          type="checkbox"
          checked={onlyFailed}
          onChange={(e) =>
            setParams((p) => {
              if (e.target.checked) p.set('failed', 'true');
              else p.delete('failed');
              return p;
            })
          }
        />
        Only failed deployments (of those loaded)
      </label>
      {list.error !== null && <ErrorBox error={list.error} />}
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">Deployments</caption>
          <thead>
            <tr>
              <th scope="col">Finished</th>
              <th scope="col">Repository</th>
              <th scope="col">Environment</th>
              <th scope="col">Status</th>
              <th scope="col">Changes</th>
              <th scope="col">Failed because</th>
              <th scope="col">Recovered after</th>
              <th scope="col">Source</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((d) => (
              <tr key={d.id} className={d.failed ? 'row-failed' : undefined}>
                <td>
                  <Link to={`/deployments/${d.id}`}>{formatDate(d.finishedAt)}</Link>
                </td>
                <td>{d.repository}</td>
                <td>{d.environment}</td>
                <td>{d.status}</td>
                <td>{d.changeCount ?? '—'}</td>
                <td>{d.failed ? (d.failureReasons ?? []).map(describeFailureReason).join('; ') : ''}</td>
                <td>{d.failed ? formatDuration(recoverySeconds(d.finishedAt, d.recoveredAt)) : ''}</td>
                <td>
                  <ExternalLink href={d.url}>{d.source}</ExternalLink>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {list.isSuccess && rows.length === 0 && <p className="muted">No deployments match.</p>}
      <LoadMore
        count={rows.length}
        hasNext={list.hasNextPage}
        loading={list.isFetchingNextPage}
        onLoad={() => void list.fetchNextPage()}
      />
    </>
  );
}
