import { useEffect, useState } from 'react';
import type { KioskOptions } from '../../electron/contract';
import { api } from '../transport';

/** This machine's kiosk options, as a technician set them; null until the host answers (or if it cannot). */
export function useKioskOptions(): KioskOptions | null {
  const [options, setOptions] = useState<KioskOptions | null>(null);
  useEffect(() => {
    let live = true;
    void api.invoke('kiosk.options', {}).then((r) => live && r.ok && setOptions(r.value));
    return () => {
      live = false;
    };
  }, []);
  return options;
}
