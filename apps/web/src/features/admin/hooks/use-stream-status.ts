import { useContext } from 'react';
import { StreamContext, type StreamStatus } from '../lib/stream-context.ts';

export function useStreamStatus(): StreamStatus {
  return useContext(StreamContext);
}
