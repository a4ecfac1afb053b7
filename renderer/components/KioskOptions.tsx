import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { KioskOptions } from '../../electron/contract';
import { api } from '../transport';

interface Shared {
  /** Null until the host answers (or if it cannot). */
  options: KioskOptions | null;
  /** Reads them again: after a technician saves, and at every kiosk wipe (a change reaches the next citizen). */
  reload: () => void;
}

const Context = createContext<Shared>({ options: null, reload: () => {} });

/** This machine's kiosk options, read once for the whole app (header, root route, kiosk, console). */
export function KioskOptionsProvider({ children }: { children: ReactNode }) {
  const [options, setOptions] = useState<KioskOptions | null>(null);
  const [round, setRound] = useState(0);
  useEffect(() => {
    let live = true;
    void api.invoke('kiosk.options', {}).then((r) => live && r.ok && setOptions(r.value));
    return () => {
      live = false;
    };
  }, [round]);
  const reload = useCallback(() => setRound((n) => n + 1), []);
  const shared = useMemo(() => ({ options, reload }), [options, reload]);
  return <Context.Provider value={shared}>{children}</Context.Provider>;
}

export const useKioskOptions = (): KioskOptions | null => useContext(Context).options;
export const useReloadKioskOptions = (): (() => void) => useContext(Context).reload;
