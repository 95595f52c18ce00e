import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ErrorBox } from '../../../app/ErrorBox.tsx';
import { invitationsApi } from '../api/invitations-api.ts';

/**
 * Invitations of the logged-in account to other tenants, each with an Accept button. Nothing is
 * shown when there are none (or for an API key). After accepting, log in naming that tenant.
 */
export function PendingInvitations() {
  const queryClient = useQueryClient();
  const pending = useQuery({
    queryKey: ['invitations'],
    queryFn: ({ signal }) => invitationsApi.pending(signal),
    retry: false,
  });
  const accept = useMutation({
    mutationFn: invitationsApi.accept,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['invitations'] }),
  });
  const items = pending.data?.items ?? [];
  if (items.length === 0 && accept.data === undefined) return null;
  return (
    <div className="ok-box" role="status">
      {accept.data !== undefined && (
        <p>
          You joined {accept.data.tenant.slug} as {accept.data.role}; log in naming that organisation to use
          it.
        </p>
      )}
      {items.map((inv) => (
        <p key={inv.id}>
          {inv.tenant.name} invites you as {inv.role}.{' '}
          <button type="button" onClick={() => accept.mutate(inv.id)} disabled={accept.isPending}>
            Accept
          </button>
        </p>
      ))}
      {accept.error !== null && <ErrorBox error={accept.error} title="Not accepted" />}
    </div>
  );
}
