import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ErrorBox } from '../../../app/ErrorBox.tsx';
import { formatDate } from '../../../lib/format/format-date.ts';
import type { Role } from '../../auth/api/me.ts';
import { useMe } from '../../auth/hooks/use-me.ts';
import { usersApi, type Invited } from '../api/users-api.ts';

const roles: readonly Role[] = ['admin', 'member', 'viewer'];

/** The organisation's users and their roles; add, change the role, remove. */
export function UsersPage() {
  const me = useMe();
  const queryClient = useQueryClient();
  const users = useQuery({
    queryKey: ['users'],
    queryFn: ({ signal }) => usersApi.list(signal),
    retry: false,
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['users'] });
  const [invited, setInvited] = useState<Invited | null>(null);
  const create = useMutation({
    mutationFn: usersApi.invite,
    onSuccess: (answer) => {
      setInvited(answer);
      refresh();
    },
  });
  const setRole = useMutation({
    mutationFn: (v: { id: string; role: Role }) => usersApi.setRole(v.id, v.role),
    onSuccess: refresh,
  });
  const remove = useMutation({ mutationFn: usersApi.remove, onSuccess: refresh });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    create.mutate(
      { email: String(form.get('email') ?? '').trim(), role: String(form.get('role')) as Role },
      { onSuccess: () => (event.target as HTMLFormElement).reset() },
    );
  };
  return (
    <>
      <h1>Users and roles</h1>
      <p className="muted">
        Admins manage integrations, users and keys; members also start syncs; viewers only read.
      </p>
      {users.error !== null && <ErrorBox error={users.error} title="Users unavailable" />}
      {invited !== null && (
        <div className="ok-box" role="status">
          <strong>Invited {invited.invitation.email}.</strong>
          <p>
            With an account already, they log in and accept the invitation. Without one, they create it with
            this code (shown this once, valid until {formatDate(invited.invitation.expiresAt)}):{' '}
            <code data-testid="invitation-code">{invited.code}</code>
          </p>
        </div>
      )}
      {users.data !== undefined && (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Users</caption>
            <thead>
              <tr>
                <th scope="col">E-mail</th>
                <th scope="col">Name</th>
                <th scope="col">Role</th>
                <th scope="col">Added</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {users.data.items.map((u) => (
                <tr key={u.id}>
                  <td>{u.email}</td>
                  <td>{u.displayName ?? '—'}</td>
                  <td>
                    <select
                      aria-label={`Role of ${u.email}`}
                      value={u.role}
                      onChange={(e) => setRole.mutate({ id: u.id, role: e.target.value as Role })}
                    >
                      {roles.map((r) => (
                        <option key={r}>{r}</option>
                      ))}
                    </select>
                  </td>
                  <td>{formatDate(u.createdAt)}</td>
                  <td>
                    <button
                      type="button"
                      className="danger"
                      disabled={u.id === me.data?.user?.id}
                      onClick={() =>
                        window.confirm(`Remove ${u.email} from this organisation?`) && remove.mutate(u.id)
                      }
                    >
                      Remove
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {[setRole.error, remove.error].map((e, i) => e !== null && <ErrorBox key={i} error={e} />)}
      <form className="card form" onSubmit={submit} aria-labelledby="add-user">
        <h2 id="add-user">Add a user</h2>
        <label>
          E-mail
          <input name="email" type="email" required />
        </label>
        <label>
          Role
          <select name="role" defaultValue="viewer">
            {roles.map((r) => (
              <option key={r}>{r}</option>
            ))}
          </select>
        </label>
        {create.error !== null && <ErrorBox error={create.error} title="Not added" />}
        <button type="submit" className="primary" disabled={create.isPending}>
          Invite user
        </button>
      </form>
    </>
  );
}
