import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { ErrorBox } from '../../../app/ErrorBox.tsx';
import { apiFetch } from '../../../lib/api/api-fetch.ts';
import { formatDate } from '../../../lib/format/format-date.ts';
import { formatDuration } from '../../../lib/format/format-duration.ts';
import type { DeploymentDetail } from '../api/deployment.ts';
import { describeFailureReason } from '../lib/describe-failure-reason.ts';
import { recoverySeconds } from '../lib/recovery-seconds.ts';
import { ExternalLink } from './ExternalLink.tsx';

/** One deployment: the changes it shipped and, if it failed, why and when it recovered. */
export function DeploymentPage() {
  const { id = '' } = useParams();
  const deployment = useQuery({
    queryKey: ['deployment', id],
    queryFn: ({ signal }) => apiFetch<DeploymentDetail>(`/deployments/${encodeURIComponent(id)}`, { signal }),
  });
  const d = deployment.data;
  return (
    <>
      <p>
        <Link to="/deployments">← Deployments</Link>
      </p>
      {deployment.error !== null && <ErrorBox error={deployment.error} />}
      {d !== undefined && (
        <>
          <div className="page-head">
            <h1>
              {d.repository} → {d.environment}
            </h1>
            <p className="muted">
              {formatDate(d.finishedAt)} · {d.status} · commit <code>{d.commitSha.slice(0, 12)}</code> ·{' '}
              <ExternalLink href={d.url}>open in {d.source}</ExternalLink>
            </p>
          </div>
          {d.failed === true && (
            <section className="card failed-box" aria-labelledby="why-failed">
              <h2 id="why-failed">Counts as failed</h2>
              <ul>
                {(d.failureReasons ?? []).map((r, i) => (
                  <li key={i}>{describeFailureReason(r)}</li>
                ))}
              </ul>
              <p>
                {d.recoveredAt === null
                  ? 'Not recovered yet.'
                  : `Recovered after ${formatDuration(recoverySeconds(d.finishedAt, d.recoveredAt))} (${formatDate(d.recoveredAt)}).`}
              </p>
            </section>
          )}
          <section className="card" aria-labelledby="shipped">
            <h2 id="shipped">
              Shipped changes ({d.changeCount ?? d.commits.length}
              {d.commitsTruncated ? ', first 1,000 shown' : ''})
            </h2>
            {d.commits.length === 0 ? (
              <p className="muted">This deployment shipped no new commits (a redeploy or rollback).</p>
            ) : (
              <table>
                <thead>
                  <tr>
                    <th scope="col">Commit</th>
                    <th scope="col">Message</th>
                    <th scope="col">Authored</th>
                  </tr>
                </thead>
                <tbody>
                  {d.commits.map((c) => (
                    <tr key={c.sha}>
                      <td>
                        <code>{c.sha.slice(0, 10)}</code>
                      </td>
                      <td>{c.message?.split('\n')[0] ?? ''}</td>
                      <td>{formatDate(c.authoredAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        </>
      )}
    </>
  );
}
