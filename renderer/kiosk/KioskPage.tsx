import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorData, CitizenQuery, CitizenReminders, ScanResult } from '../../electron/contract';
import { Button } from '../components/Button';
import { ErrorMessage } from '../components/ErrorMessage';
import { api } from '../transport';
import { IdentifyScreen } from './IdentifyScreen';
import { RemindersScreen } from './RemindersScreen';
import { savePdf } from './save-pdf';
import type { ScannedCard } from './scanned-card';
import { useIdle } from './useIdle';
import { useKeyboardWedge } from './useKeyboardWedge';

/** Two minutes without a touch ends the citizen's session. */
const IDLE_MS = 120_000;

type State =
  | { screen: 'home'; wiped: boolean; scanError: AppErrorData | string | null }
  | { screen: 'identify'; busy: boolean; error: AppErrorData | null }
  | {
      screen: 'reminders';
      query: CitizenQuery;
      data: CitizenReminders;
      card: ScannedCard | null;
      printing: boolean;
      printedPages: number | null;
      error: AppErrorData | null;
    };

export function KioskPage() {
  const { t, i18n } = useTranslation();
  const [state, setState] = useState<State>({ screen: 'home', wiped: false, scanError: null });

  // Everything personal lives in this state; dropping it is the wipe.
  const wipe = useCallback(
    (byIdle: boolean) => {
      setState({ screen: 'home', wiped: byIdle, scanError: null });
      void i18n.changeLanguage('vi');
    },
    [i18n],
  );
  const onIdle = useCallback(() => wipe(true), [wipe]);
  useIdle(IDLE_MS, onIdle, state.screen !== 'home');

  const identify = useCallback(async (query: CitizenQuery, card: ScannedCard | null = null) => {
    if (!card) setState({ screen: 'identify', busy: true, error: null });
    const result = await api.invoke('reminders.forCitizen', query);
    setState(
      result.ok
        ? { screen: 'reminders', query, data: result.value, card, printing: false, printedPages: null, error: null }
        : card
          ? { screen: 'home', wiped: false, scanError: result.error }
          : { screen: 'identify', busy: false, error: result.error },
    );
  }, []);

  // A card scanned at any time before the reminders are shown identifies the citizen.
  const onScan = useCallback(
    (result: ScanResult) => {
      if (result.kind === 'error') return setState({ screen: 'home', wiped: false, scanError: result.error });
      if (result.kind !== 'identity' || !result.identity.birthDate) {
        return setState({ screen: 'home', wiped: false, scanError: t('scan.notAnIdCard') });
      }
      const { personalNumber, birthDate, issueDate, fullName } = result.identity;
      const card = { name: result.asciiOnly ? null : (fullName ?? null), asciiOnly: result.asciiOnly, warnings: result.warnings };
      void identify({ personalNumber, birthDate, ...(issueDate ? { cardIssueDate: issueDate } : {}) }, card);
    },
    [identify, t],
  );
  const listening = state.screen !== 'reminders';
  useEffect(() => (listening ? api.on('scan', ({ result }) => onScan(result)) : undefined), [listening, onScan]);
  const onWedge = useCallback(
    (text: string) => void api.invoke('scan.classify', { text, asciiOnly: true }).then((r) => r.ok && onScan(r.value)),
    [onScan],
  );
  useKeyboardWedge(onWedge, listening);

  const print = async () => {
    if (state.screen !== 'reminders') return;
    setState({ ...state, printing: true, error: null });
    const result = await api.invoke('print.reminderSlip', state.query);
    if (result.ok) savePdf(result.value);
    setState((s) =>
      s.screen === 'reminders'
        ? { ...s, printing: false, printedPages: result.ok ? result.value.pages : null, error: result.ok ? null : result.error }
        : s,
    );
  };

  switch (state.screen) {
    case 'home':
      return (
        <section className="kiosk-home" aria-labelledby="welcome">
          <h1 id="welcome">{t('kiosk.welcome')}</h1>
          <p className="lead">{t('kiosk.intro')}</p>
          <Button className="btn-hero" onClick={() => setState({ screen: 'identify', busy: false, error: null })}>
            {t('kiosk.start')}
          </Button>
          <p className="scan-hint">{t('scan.scanHint')}</p>
          <ErrorMessage error={state.scanError} />
          {state.wiped && (
            <p className="notice" role="status">
              {t('kiosk.idleWiped')}
            </p>
          )}
        </section>
      );
    case 'identify':
      // The form keeps its digits across a failed check: it stays mounted while busy.
      return <IdentifyScreen busy={state.busy} error={state.error} onSubmit={(q) => void identify(q)} onBack={() => wipe(false)} />;
    case 'reminders':
      return (
        <RemindersScreen
          data={state.data}
          card={state.card}
          printing={state.printing}
          printedPages={state.printedPages}
          error={state.error}
          onPrint={() => void print()}
          onFinish={() => wipe(false)}
        />
      );
  }
}
