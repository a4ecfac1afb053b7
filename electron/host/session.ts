import { randomUUID } from 'node:crypto';
import type { Role } from '../contract';

/** One screen's conversation with the host: a window in Electron, a token in browser mode. */
export interface Session {
  readonly id: string;
  role: Role;
}

export const newSession = (role: Role = 'kiosk'): Session => ({ id: randomUUID(), role });
