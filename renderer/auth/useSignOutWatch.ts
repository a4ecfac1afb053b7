import { useEffect, useRef } from 'react';
import type { Role } from '../../electron/contract';
import { api } from '../transport';

/** How often activity on the screen asks the host whether the session is still signed in. */
const RECHECK_MS = 30_000;

/**
 * While `roles` are signed in: the first key or touch after a quiet spell asks the host for the
 * session's role, and `onSignedOut` runs if the idle time-out has meanwhile made it a kiosk.
 */
export function useSignOutWatch(active: boolean, roles: readonly Role[], onSignedOut: () => void): void {
  const lastCheck = useRef(Date.now());
  const latest = useRef(onSignedOut);
  latest.current = onSignedOut;
  useEffect(() => {
    if (!active) return;
    lastCheck.current = Date.now();
    const onActivity = () => {
      if (Date.now() - lastCheck.current <= RECHECK_MS) return;
      lastCheck.current = Date.now();
      void api.invoke('session.get', {}).then((r) => r.ok && !roles.includes(r.value.role) && latest.current());
    };
    window.addEventListener('keydown', onActivity, true);
    window.addEventListener('pointerdown', onActivity, true);
    return () => {
      window.removeEventListener('keydown', onActivity, true);
      window.removeEventListener('pointerdown', onActivity, true);
    };
  }, [active, roles]);
}
