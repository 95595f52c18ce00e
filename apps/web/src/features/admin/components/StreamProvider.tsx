import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { useSession } from '../../auth/hooks/use-session.ts';
import { applyStreamEvent } from '../lib/apply-stream-event.ts';
import { openStream } from '../lib/open-stream.ts';
import { StreamContext, type StreamStatus } from '../lib/stream-context.ts';

/** Live updates for the logged-in app: sync progress and "new data" from the WebSocket stream. */
export function StreamProvider({ children }: { readonly children: ReactNode }) {
  const queryClient = useQueryClient();
  const session = useSession();
  const tenantId = session?.tenant.id;
  const [status, setStatus] = useState<StreamStatus>('connecting');
  useEffect(() => {
    if (tenantId === undefined) return;
    return openStream((message) => applyStreamEvent(queryClient, message), setStatus);
  }, [queryClient, tenantId]);
  return <StreamContext.Provider value={status}>{children}</StreamContext.Provider>;
}
