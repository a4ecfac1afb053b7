import { useEffect, useState } from 'react';
import type { ChannelOutput, HubStatusView } from '../../electron/contract';
import { api } from '../transport';

/** This machine's link to the centre hub, kept current by the host's events. */
export function useHubStatus(): HubStatusView | null {
  const [status, setStatus] = useState<HubStatusView | null>(null);
  useEffect(() => {
    void api.invoke('hub.status', {}).then((r) => r.ok && setStatus(r.value));
    return api.on('hub.status', setStatus);
  }, []);
  return status;
}

export type Board = ChannelOutput<'queue.board'>;

/** The last calls and waiting counts: asked once, then pushed by the hub through the host (and asked again when the hub is back). */
export function useBoard(): Board | null {
  const [board, setBoard] = useState<Board | null>(null);
  useEffect(() => {
    const load = () => void api.invoke('queue.board', {}).then((r) => r.ok && setBoard(r.value));
    load();
    const offBoard = api.on('queue.board', setBoard);
    const offStatus = api.on('hub.status', (s) => s.state === 'online' && load());
    return () => {
      offBoard();
      offStatus();
    };
  }, []);
  return board;
}

export type HelpRequests = ChannelOutput<'help.list'>['requests'];

/** Open calls for help from the kiosks, for the counters. */
export function useHelpRequests(enabled: boolean): HelpRequests {
  const [requests, setRequests] = useState<HelpRequests>([]);
  useEffect(() => {
    if (!enabled) return;
    void api.invoke('help.list', {}).then((r) => r.ok && setRequests(r.value.requests));
    return api.on('help.requests', (p) => setRequests(p.requests));
  }, [enabled]);
  return requests;
}
