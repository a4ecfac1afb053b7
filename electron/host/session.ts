import { randomUUID } from 'node:crypto';
import type { Role } from '../contract';

/** One screen's conversation with the host: a window in Electron, a token in browser mode. */
export interface Session {
  readonly id: string;
  role: Role;
  /** The signed-in account's username and name; absent for a kiosk and a PIN-unlocked technician. */
  account?: string;
  displayName?: string;
  /** Epoch ms of the session's last call, for the idle time-out of signed-in roles. */
  lastSeen?: number;
}

export const newSession = (role: Role = 'kiosk'): Session => ({ id: randomUUID(), role });
