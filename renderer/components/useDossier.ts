import { useCallback, useRef, useState } from 'react';
import type { AppErrorData, DossierView, DraftValue, PrintedDocument } from '../../electron/contract';
import { api } from '../transport';
import { changedValues, type Edits } from './dossier-values';

export interface DossierSession {
  view: DossierView;
  edits: Edits;
  /** Fields changed on this screen since the draft was loaded (their problems show as they are typed). */
  dirty: ReadonlySet<string>;
  busy: boolean;
  error: AppErrorData | null;
  setValue: (fieldId: string, value: DraftValue) => void;
  /** Sends the typed values of these fields (all when omitted); resolves to whether the host took them. */
  save: (fieldIds?: readonly string[]) => Promise<boolean>;
  requestCorrection: (fieldId: string, requestedValue: string, note: string) => Promise<boolean>;
  print: () => Promise<PrintedDocument | null>;
  setError: (error: AppErrorData | null) => void;
}

/** A prepared dossier being reviewed: the host's draft, what was typed over it, and the calls that save and print it. */
export function useDossier(initial: DossierView, seed?: (view: DossierView) => Edits): DossierSession {
  const [view, setView] = useState(initial);
  // Values the screen proposes before anyone types (sent with the first save like any edit).
  const [edits, setEdits] = useState<Edits>(() => seed?.(initial) ?? {});
  const [dirty, setDirty] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorData | null>(null);
  // The latest state for the async calls below, which must not send stale values.
  const latest = useRef({ view, edits });
  latest.current = { view, edits };

  const setValue = useCallback((fieldId: string, value: DraftValue) => {
    setEdits((e) => ({ ...e, [fieldId]: value }));
    setDirty((d) => (d.has(fieldId) ? d : new Set(d).add(fieldId)));
  }, []);

  const accept = (next: DossierView, sent: readonly string[]) => {
    setView(next);
    setEdits((e) => Object.fromEntries(Object.entries(e).filter(([id]) => !sent.includes(id))));
  };

  const save = useCallback(async (fieldIds?: readonly string[]) => {
    const { view: v, edits: e } = latest.current;
    const values = changedValues(v, e, fieldIds);
    const sent = fieldIds ?? Object.keys(e);
    if (Object.keys(values).length === 0) {
      setEdits((cur) => Object.fromEntries(Object.entries(cur).filter(([id]) => !sent.includes(id) || Object.hasOwn(values, id))));
      return true;
    }
    setBusy(true);
    setError(null);
    const result = await api.invoke('dossier.update', { draftId: v.draft.id, values });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return false;
    }
    accept(result.value, sent);
    return true;
  }, []);

  const requestCorrection = useCallback(async (fieldId: string, requestedValue: string, note: string) => {
    setError(null);
    const result = await api.invoke('dossier.update', { draftId: latest.current.view.draft.id, values: {}, corrections: [{ fieldId, requestedValue, note }] });
    if (!result.ok) {
      setError(result.error);
      return false;
    }
    setView(result.value);
    return true;
  }, []);

  const print = useCallback(async () => {
    if (!(await save())) return null;
    setBusy(true);
    setError(null);
    const result = await api.invoke('dossier.print', { draftId: latest.current.view.draft.id });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return null;
    }
    setView((v) => ({ ...v, status: 'printed' }));
    return result.value;
  }, [save]);

  return { view, edits, dirty, busy, error, setValue, save, requestCorrection, print, setError };
}
