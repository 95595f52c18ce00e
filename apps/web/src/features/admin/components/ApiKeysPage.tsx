import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ErrorBox } from '../../../app/ErrorBox.tsx';
import { formatDate } from '../../../lib/format/format-date.ts';
import { apiKeysApi, type Scope } from '../api/api-keys-api.ts';

/** API keys: created keys are shown once, then only their prefix. */
export function ApiKeysPage() {
  const queryClient = useQueryClient();
  const keys = useQuery({ queryKey: ['api-keys'], queryFn: ({ signal }) => apiKeysApi.list(signal) });
  const [shown, setShown] = useState<{ name: string; key: string } | null>(null);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['api-keys'] });
  const create = useMutation({
    mutationFn: apiKeysApi.create,
    onSuccess: (created) => {
      setShown({ name: created.name, key: created.key });
      refresh();
    },
  });
  const revoke = useMutation({ mutationFn: apiKeysApi.revoke, onSuccess: refresh });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const expires = String(form.get('expiresAt') ?? '');
    create.mutate({
      name: String(form.get('name') ?? '').trim(),
      scopes: [String(form.get('scope')) as Scope],
      ...(expires === '' ? {} : { expiresAt: `${expires}T00:00:00Z` }),
    });
  };
  return (
    <>
      <h1>API keys</h1>
      {shown !== null && (
        <div className="ok-box" role="status">
          <strong>Key {shown.name} created. Copy it now: it is shown this once.</strong>
          <div className="key-row">
            <code data-testid="new-api-key">{shown.key}</code>
            <button type="button" onClick={() => void navigator.clipboard?.writeText(shown.key)}>
              Copy
            </button>
            <button type="button" onClick={() => setShown(null)}>
              Done
            </button>
          </div>
        </div>
      )}
      {keys.error !== null && <ErrorBox error={keys.error} />}
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">API keys</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Key</th>
              <th scope="col">Scopes</th>
              <th scope="col">Owner</th>
              <th scope="col">Last used</th>
              <th scope="col">Expires</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {keys.data?.items.map((k) => (
              <tr key={k.id} className={k.revokedAt === null ? undefined : 'muted'}>
                <td>{k.name}</td>
                <td>
                  <code>pulse_{k.prefix}_…</code>
                </td>
                <td>{k.scopes.join(', ')}</td>
                <td>{k.owner === null ? 'pulse command' : (k.owner.email ?? 'former member')}</td>
                <td>{formatDate(k.lastUsedAt)}</td>
                <td>{formatDate(k.expiresAt)}</td>
                <td>
                  {k.revokedAt === null ? (
                    <button type="button" className="danger" onClick={() => revoke.mutate(k.id)}>
                      Revoke
                    </button>
                  ) : (
                    `revoked ${formatDate(k.revokedAt)}`
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <form className="card form" onSubmit={submit} aria-labelledby="new-key">
        <h2 id="new-key">Create a key</h2>
        <label>
          Name
          <input name="name" required maxLength={100} />
        </label>
        <label>
          Scope
          <select name="scope" defaultValue="read">
            <option value="read">read: metrics and data</option>
            <option value="write">write: also push deployments and incidents, start syncs</option>
            <option value="admin">admin: everything an admin can do</option>
          </select>
        </label>
        <label>
          Expires <span className="muted">(optional)</span>
          <input name="expiresAt" type="date" />
        </label>
        {create.error !== null && <ErrorBox error={create.error} title="Not created" />}
        <button type="submit" className="primary" disabled={create.isPending}>
          Create key
        </button>
      </form>
    </>
  );
}
