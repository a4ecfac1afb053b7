import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorData, CounterDossier } from '../../electron/contract';
import { ErrorMessage } from '../components/ErrorMessage';
import { api } from '../transport';
import { CitizenBar } from './CitizenBar';
import { ContextTabs, type ContextTab } from './ContextTabs';
import { ProcedurePicker } from './ProcedurePicker';
import { ReceivePanel } from './ReceivePanel';
import { ScanField } from './ScanField';
import { SHORTCUTS, matchesShortcut } from './shortcuts';
import { useServedCitizen } from './useServedCitizen';

/** The dossier in the work pane: prepared here for a walk-in, or opened from a kiosk print-out or a refusal. */
type Work = { dossier: CounterDossier; walkIn: boolean; procedureName?: string };

/**
 * The officer's workstation in two panes that fit a 1366×768 screen without a page scroll: on the
 * left the work (who is served, the procedure, the scan field, the dossier and its submission),
 * on the right the citizen's context (reminders, cases, due list …). Every step hands the focus
 * to the next; F2, F3 and F4 jump to the citizen, the procedure and the scan field.
 */
export function CounterPage() {
  const { t } = useTranslation();
  const citizen = useServedCitizen();
  const { served } = citizen;
  const [work, setOpenWork] = useState<(Work & { turn: number }) | null>(null);
  // Each opening starts afresh, even of the same draft (a refused dossier reopened for correction).
  const setWork = useCallback((next: Work | null) => setOpenWork((w) => next && { ...next, turn: (w?.turn ?? 0) + 1 }), []);
  const [tab, setTab] = useState<ContextTab>('citizen');
  const [receiptCode, setReceiptCode] = useState<string | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);
  const numberField = useRef<HTMLInputElement>(null);
  const procedureField = useRef<HTMLInputElement>(null);
  const scanField = useRef<HTMLInputElement>(null);
  const nextCitizen = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const jumps = [
      [SHORTCUTS.citizen, numberField],
      [SHORTCUTS.procedure, procedureField],
      [SHORTCUTS.scan, scanField],
    ] as const;
    const onKey = (e: KeyboardEvent) => {
      const jump = jumps.find(([key]) => matchesShortcut(e, key));
      if (!jump?.[1].current) return;
      e.preventDefault();
      jump[1].current.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // A citizen opened (typed, or an ID card scanned): the next thing to choose is the procedure.
  const servedNumber = served?.identity.personalNumber;
  // (Opened to correct a dossier already on screen, the officer stays with that dossier.)
  const working = work !== null;
  useEffect(() => {
    if (servedNumber && !working) procedureField.current?.focus();
    // Only a newly opened citizen moves the focus.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [servedNumber]);

  const prepare = async (formId: string, procedureCode: string | null, procedureName?: string) => {
    setError(null);
    const r = await api.invoke('dossier.prepare', procedureCode ? { formId, procedureCode } : { formId });
    if (!r.ok) return setError(r.error);
    const review = { attachments: r.value.template.attachments.map((a) => ({ id: a.id, seen: false, note: '' })), needsSupplement: false, supplementNote: '' };
    // The name as the centre has it (consent) when the card gave none: the signer's name on the form.
    const signer = r.value.template.signerNameField ? r.value.draft.fields[r.value.template.signerNameField]?.value : null;
    const applicant = { personalNumber: served?.identity.personalNumber ?? '', fullName: served?.fullName ?? (typeof signer === 'string' ? signer : '') };
    setWork({ walkIn: true, procedureName, dossier: { view: r.value, applicant, identified: true, keyId: null, review, submissionId: null } });
  };
  const next = () => {
    citizen.close();
    setWork(null);
    setError(null);
    setTab('citizen');
    numberField.current?.focus();
  };
  const onHandoff = useCallback((dossier: CounterDossier) => setWork({ walkIn: false, dossier }), [setWork]);
  const onReceipt = useCallback((code: string) => {
    setReceiptCode(code);
    setTab('cases');
  }, []);

  return (
    <section className="counter" aria-labelledby="counter-title">
      <div className="counter-work">
        <h1 id="counter-title">{t('counter.title')}</h1>
        <div ref={nextCitizen}>
          <CitizenBar citizen={citizen} numberRef={numberField} onOpened={() => procedureField.current?.focus()} onNext={next} />
        </div>
        <div className="counter-start">
          {served && <ProcedurePicker inputRef={procedureField} disabled={citizen.busy} onPick={(formId, procedure) => void prepare(formId, procedure.code, procedure.name)} />}
          <ScanField inputRef={scanField} onHandoff={onHandoff} onReceipt={onReceipt} />
        </div>
        <ErrorMessage error={error} />
        {work && (
          <ReceivePanel
            key={work.turn}
            initial={work.dossier}
            walkIn={work.walkIn}
            procedureName={work.procedureName}
            // The receipt is printed: the next key is for the next citizen.
            onDone={() => (nextCitizen.current?.querySelector<HTMLElement>(`[aria-keyshortcuts="${SHORTCUTS.nextCitizen}"]`) ?? numberField.current)?.focus()}
          />
        )}
      </div>
      <ContextTabs
        tab={tab}
        onTab={setTab}
        // A consent or a higher assurance releases more: the citizen's reminders are read again.
        citizenKey={served ? `${served.identity.personalNumber}:${served.assurance}:${served.consent ?? ''}` : null}
        receiptCode={receiptCode}
        onOpenCase={onReceipt}
        onCorrect={(dossier) => setWork({ walkIn: false, dossier })}
        onPrepare={(formId, code) => void prepare(formId, code)}
      />
    </section>
  );
}
