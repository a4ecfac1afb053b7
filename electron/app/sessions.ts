import type { WebContents } from 'electron';
import { newSession, type Session } from '../host/session';

/** What a handler needs from a web contents to find its session. */
export type SessionOwner = Pick<WebContents, 'id' | 'once'>;

/**
 * One session per window (web contents): created on its first call as a kiosk, forgotten when
 * the contents are destroyed, so a reused id never inherits another window's session.
 */
export function sessionsPerWebContents(): (owner: SessionOwner) => Session {
  const sessions = new Map<number, Session>();
  return (owner) => {
    let session = sessions.get(owner.id);
    if (!session) {
      const created = newSession('kiosk');
      sessions.set(owner.id, created);
      owner.once('destroyed', () => sessions.delete(owner.id));
      session = created;
    }
    return session;
  };
}
