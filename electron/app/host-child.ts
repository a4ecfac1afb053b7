import type { UtilityProcess } from 'electron';
import { connectHost, type ServedHost } from '../host/host-protocol';
import { hostFailed, hostState, type HostInit, type HostState } from './host-init';

export interface HostChild extends ServedHost {
  /** Resolves with the host's first state: its update folder is known then. */
  ready: Promise<HostState>;
  servingCitizen(): boolean;
}

type Fork = (modulePath: string, args: string[], options: { serviceName: string; stdio: 'inherit' }) => Pick<UtilityProcess, 'postMessage' | 'on' | 'once'>;

/** Forks the host process, hands it its start data and talks to it through the host protocol. */
export function startHostChild(fork: Fork, entry: string, init: HostInit): HostChild {
  const child = fork(entry, [], { serviceName: 'MotCua host', stdio: 'inherit' });
  let state: HostState = { t: 'state', updateUrl: null, servingCitizen: false };
  const ready = new Promise<HostState>((resolve, reject) => {
    child.on('message', (message: unknown) => {
      const failed = hostFailed.safeParse(message);
      if (failed.success) reject(new Error(failed.data.message));
      const parsed = hostState.safeParse(message);
      if (!parsed.success) return;
      state = parsed.data;
      resolve(state);
    });
    child.once('exit', (code: number) => reject(new Error(`the host process ended (${code}) before it started`)));
  });
  const host = connectHost({ post: (message) => child.postMessage(message), onMessage: (listener) => child.on('message', listener) });
  child.postMessage(init);
  return { ...host, ready, servingCitizen: () => state.servingCitizen };
}
