import type { SettingsRepository } from '../db/settings-repository';
import type { Session } from './session';

export const IDLE_MINUTES_KEY = 'auth.idleMinutes';
export const DEFAULT_IDLE_MINUTES = 15;

/** The `auth.idleMinutes` setting; anything but a positive number means the default. */
export function idleMinutes(settings: SettingsRepository): number {
  const value = Number(settings.get(IDLE_MINUTES_KEY));
  return Number.isFinite(value) && value > 0 ? value : DEFAULT_IDLE_MINUTES;
}

export interface IdleTimeoutDeps {
  minutes: () => number;
  /** Called for a signed-in session idle longer than `minutes`, before the call is authorised. */
  expire: (session: Session) => void;
  now?: () => number;
}

/**
 * The router's `touch`: an officer or technician left without a call for the idle time is
 * signed out at their next call, which is then judged as a kiosk's. Kiosks reset themselves.
 */
export function idleTimeout({ minutes, expire, now = () => Date.now() }: IdleTimeoutDeps): (session: Session) => void {
  return (session) => {
    const at = now();
    if (session.role !== 'kiosk' && session.lastSeen !== undefined && at - session.lastSeen > minutes() * 60_000) expire(session);
    session.lastSeen = at;
  };
}
