import { useEffect, useState } from 'react';
import type { AppErrorData, AssuranceLevel, ChannelInput, ConsentDecision, Identity } from '../../electron/contract';
import { api } from '../transport';

export interface Served {
  identity: Identity;
  fullName: string | null;
  assurance: AssuranceLevel;
  consent: ConsentDecision['profile'] | null;
}

/** The citizen the officer serves: opened from the number and birth date (or a card), then raised by the chip, the officer's check or consent. */
export function useServedCitizen() {
  const [served, setServed] = useState<Served | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorData | null>(null);
  // Where this machine has a chip reader, the card's chip raises the level too (chip).
  const [chipReader, setChipReader] = useState(false);
  useEffect(() => void api.invoke('app.info', {}).then((r) => setChipReader(r.ok && r.value.chipReader)), []);

  /** Runs one call; resolves to whether it worked (the error is shown otherwise). */
  const run = async <T>(call: () => Promise<{ ok: true; value: T } | { ok: false; error: AppErrorData }>, then: (value: T) => void): Promise<boolean> => {
    setBusy(true);
    setError(null);
    const result = await call();
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return false;
    }
    then(result.value);
    return true;
  };

  return {
    served,
    busy,
    error,
    chipReader,
    open: (input: ChannelInput<'citizen.open'>) =>
      run(
        () => api.invoke('citizen.open', input),
        (v) => setServed({ identity: v.identity, fullName: v.fullName, assurance: v.assurance, consent: null }),
      ),
    consent: () =>
      run(
        () => api.invoke('consent.decide', { purpose: 'proactive-services', accept: true }),
        (v) => setServed((s) => (s ? { ...s, consent: v.profile } : s)),
      ),
    readChip: () =>
      run(
        () => api.invoke('identity.readChip', {}),
        (v) => setServed((s) => (s ? { ...s, assurance: v.assurance, fullName: v.fullName, consent: null } : s)),
      ),
    // The officer's word that the original card was checked: officer-attested, audited with their account; consent is asked again on it.
    attest: () =>
      run(
        () => api.invoke('identity.attest', { checkedOriginal: true }),
        (v) => setServed((s) => (s ? { ...s, assurance: v.assurance, consent: null } : s)),
      ),
    close: () => {
      void api.invoke('citizen.close', {});
      setServed(null);
      setError(null);
    },
  };
}
export type ServedCitizen = ReturnType<typeof useServedCitizen>;
