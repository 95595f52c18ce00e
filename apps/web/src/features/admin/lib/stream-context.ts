import { createContext } from 'react';

/** Whether live updates arrive: 'live' over the WebSocket, else pages poll. */
export type StreamStatus = 'connecting' | 'live' | 'unavailable';

export const StreamContext = createContext<StreamStatus>('unavailable');
