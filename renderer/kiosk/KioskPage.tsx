import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorData, CitizenQuery, CitizenReminders } from '../../electron/contract';
import { Button } from '../components/Button';
import { api } from '../transport';
import { IdentifyScreen } from './IdentifyScreen';
import { RemindersScreen } from './RemindersScreen';
import { savePdf } from './save-pdf';
import { useIdle } from './useIdle';

/** Two minutes without a touch ends the citizen's session. */
const IDLE_MS = 120_000;

type State =
  | { screen: 'home'; wiped: boolean }
  | { screen: 'identify'; busy: boolean; error: AppErrorData | null }
  | { screen: 'reminders'; query: CitizenQuery; data: CitizenReminders; printing: boolean; printedPages: number | null; error: AppErrorData | null };

export function KioskPage() {
  const { t, i18n } = useTranslation();
  const [state, setState] = useState<State>({ screen: 'home', wiped: false });

  // Everything personal lives in this state; dropping it is the wipe.
  const wipe = useCallback(
    (byIdle: boolean) => {
      setState({ screen: 'home', wiped: byIdle });
      void i18n.changeLanguage('vi');
    },
    [i18n],
  );
  const onIdle = useCallback(() => wipe(true), [wipe]);
  useIdle(IDLE_MS, onIdle, state.screen !== 'home');

  const identify = async (query: CitizenQuery) => {
    setState({ screen: 'identify', busy: true, error: null });
    const result = await api.invoke('reminders.forCitizen', query);
    setState(
      result.ok
        ? { screen: 'reminders', query, data: result.value, printing: false, printedPages: null, error: null }
        : { screen: 'identify', busy: false, error: result.error },
    );
  };

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
          printing={state.printing}
          printedPages={state.printedPages}
          error={state.error}
          onPrint={() => void print()}
          onFinish={() => wipe(false)}
        />
      );
  }
}
