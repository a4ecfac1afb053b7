import { useCallback, useEffect, useRef, useState } from 'react';

const ACTIVITY = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * After `idleMs` without a touch or key, counts `countdownS` seconds down (the caller shows them:
 * "are you still there?"); any touch or key starts over; at zero `onIdle` runs, so a citizen's
 * data never waits for the next person. `secondsLeft` is null while nobody is being asked.
 */
export function useIdle(idleMs: number, countdownS: number, onIdle: () => void, enabled: boolean): { secondsLeft: number | null; stillHere: () => void } {
  const [left, setLeft] = useState<number | null>(null);
  const rearm = useRef<() => void>(() => {});
  useEffect(() => {
    if (!enabled) return;
    let timer: number | undefined;
    let tick: number | undefined;
    const stop = () => {
      window.clearTimeout(timer);
      window.clearInterval(tick);
    };
    const ask = () => {
      let n = countdownS;
      setLeft(n);
      tick = window.setInterval(() => {
        n -= 1;
        if (n > 0) return setLeft(n);
        stop();
        setLeft(null);
        onIdle();
      }, 1000);
    };
    const arm = () => {
      stop();
      setLeft(null);
      timer = window.setTimeout(ask, idleMs);
    };
    rearm.current = arm;
    arm();
    ACTIVITY.forEach((e) => window.addEventListener(e, arm, { passive: true }));
    return () => {
      stop();
      ACTIVITY.forEach((e) => window.removeEventListener(e, arm));
    };
  }, [idleMs, countdownS, onIdle, enabled]);
  const stillHere = useCallback(() => rearm.current(), []);
  return { secondsLeft: enabled ? left : null, stillHere };
}
