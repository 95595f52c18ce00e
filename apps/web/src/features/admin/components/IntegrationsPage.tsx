import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { ErrorBox } from '../../../app/ErrorBox.tsx';
import { formatDuration } from '../../../lib/format/format-duration.ts';
import { integrationsApi } from '../api/integrations-api.ts';

/** The tenant's integrations, with a link to add one. */
export function IntegrationsPage() {
  const list = useQuery({
    queryKey: ['integrations'],
    queryFn: ({ signal }) => integrationsApi.list(signal),
  });
  return (
    <>
      <div className="page-head row">
        <h1>Integrations</h1>
        <Link className="button primary" to="/admin/integrations/new">
          Add integration
        </Link>
      </div>
      {list.error !== null && <ErrorBox error={list.error} />}
      {list.data?.items.length === 0 && (
        <p className="card">No integrations yet: add GitHub, a local git repository or Jira.</p>
      )}
      {list.data !== undefined && list.data.items.length > 0 && (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Integrations</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Kind</th>
                <th scope="col">Schedule</th>
                <th scope="col">Credentials</th>
                <th scope="col">Enabled</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((i) => (
                <tr key={i.id}>
                  <td>
                    <Link to={`/admin/integrations/${i.id}`}>{i.name}</Link>
                  </td>
                  <td>{i.kind}</td>
                  <td>{i.enabled ? `every ${formatDuration(i.syncIntervalSeconds)}` : 'manual only'}</td>
                  <td>{i.hasSecrets ? 'stored (encrypted)' : 'none'}</td>
                  <td>{i.enabled ? 'yes' : 'no (scheduled syncs off)'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
