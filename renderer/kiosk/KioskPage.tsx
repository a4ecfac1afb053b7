import { useCallback, useEffect, useRef, useState } from 'react';
import { getI18n, useTranslation } from 'react-i18next';
import type { AppErrorData, AssuranceLevel, CitizenQuery, ConsentDecision, ConsentNotice, DossierView, Identity, PrintOutcomeView, ScanResult } from '../../electron/contract';
import { useKioskOptions, useReloadKioskOptions } from '../components/KioskOptions';
import { api } from '../transport';
import { AskOfficerScreen } from './AskOfficerScreen';
import { TakeNumberScreen } from '../queue/TakeNumberScreen';
import { TakeNumberOffer } from '../queue/TakeNumberOffer';
import { AttractScreen } from './AttractScreen';
import { ComparisonScreen } from './ComparisonScreen';
import { ConfirmPhoneScreen } from './ConfirmPhoneScreen';
import { ConsentScreen } from './ConsentScreen';
import { isCardOnly } from '../components/AssuranceBadge';
import { DossierReview } from './DossierReview';
import { IdentifyScreen, type IdentifyInitial } from './IdentifyScreen';
import { StatusLookupScreen } from './StatusLookupScreen';
import { OutcomesScreen } from './OutcomesScreen';
import { ProcedureCatalogueScreen } from './ProcedureCatalogueScreen';
import { RemindersScreen, type ListedReminder, type Paper, type ReminderList } from './RemindersScreen';
import { savePdf } from './save-pdf';
import type { ScannedCard } from './scanned-card';
import { DisplayControls } from './DisplayControls';
import { AskOfficerContext } from './KioskNav';
import { StillThereDialog } from './StillThereDialog';
import { useDisplayPrefs, DEFAULT_DISPLAY } from './useDisplayPrefs';
import { useIdle } from './useIdle';
import { useKeyboardWedge } from './useKeyboardWedge';
import { wipeBrowserTraces } from './wipe-browser';

/** Until the options arrive: the default idle time; then "are you still there?" for this long. */
const DEFAULT_IDLE_S = 60;
const COUNTDOWN_S = 10;
/** The first age at which an ID card must be renewed (Luật Căn cước 2023, art. 21): from it on, an unknown issue date leaves a renewal unchecked. */
const FIRST_RENEWAL_AGE = 14;

/** The citizen being served, as `citizen.open` answered. */
interface Citizen {
  identity: Identity;
  fullName: string | null;
  card: ScannedCard | null;
  /** The card's issue date was typed or scanned: without it (or the centre's record) the card's renewal cannot be checked. */
  issueDateGiven: boolean;
  /** How sure the centre can be of who this is: the card-only service until it is more than typed or the QR. */
  assurance: AssuranceLevel;
}

interface RemindersState {
  citizen: Citizen;
  profile: ConsentDecision['profile'];
  list: ReminderList | null;
  printing: Paper | null;
  printedPages: number | null;
  /** What the printer made of the last print (absent when the PDF was saved instead). */
  printOutcome?: PrintOutcomeView;
  preparing: string | null;
  error: AppErrorData | null;
}

type State =
  /** A case's status by its receipt code (scanned on the home screen, or typed). */
  | { screen: 'lookup'; code: string | null }
  | { screen: 'home'; wiped: boolean; scanError: AppErrorData | string | null }
  | { screen: 'identify'; busy: boolean; error: AppErrorData | null; initial?: IdentifyInitial }
  | { screen: 'consent'; citizen: Citizen; notice: ConsentNotice | null; busy: boolean; error: AppErrorData | null }
  /** Confirming on the registered phone, through the centre (holder-confirmed). */
  | { screen: 'confirm'; citizen: Citizen }
  | ({ screen: 'reminders' } & RemindersState)
  /** One prepared form, or the forms of linked procedures filed as one. */
  | { screen: 'dossier'; back: RemindersState; views: DossierView[]; preparedAt: number }
  /** The ways to one outcome: from a reminder (`back` holds the reminders) or, before identification, from the list of outcomes. */
  | { screen: 'compare'; outcomeId: string; back: RemindersState | null }
  | { screen: 'outcomes' }
  /** `codes`: the procedures of a reminder slip's QR, scanned on the home screen. */
  | { screen: 'catalogue'; codes: string[] | null };

export function KioskPage() {
  const { t, i18n } = useTranslation();
  const options = useKioskOptions();
  // Every wipe reads the options again, so a technician's change reaches the next citizen.
  const reloadOptions = useReloadKioskOptions();
  const defaultLanguage = options?.defaultLanguage ?? 'vi';
  const [state, setState] = useState<State>({ screen: 'home', wiped: false, scanError: null });
  const [askingOfficer, setAskingOfficer] = useState(false);
  // A number for any service (home), or for the services that receive the dossier just printed.
  const [takingNumber, setTakingNumber] = useState<{ serviceIds?: string[] } | null>(null);
  const [display, changeDisplay, resetDisplay] = useDisplayPrefs();
  // Bumped by every wipe: an answer that arrives for an earlier citizen is dropped.
  const epoch = useRef(0);
  // The instance itself: useTranslation's i18n is a new object after every language change, which would undo the citizen's choice here.
  useEffect(() => void getI18n().changeLanguage(defaultLanguage), [defaultLanguage]);

  // Everything personal lives in this state, the host's session and whatever the browser kept; dropping all three is the wipe.
  const wipe = useCallback(
    (byIdle: boolean, to: 'home' | 'identify' = 'home') => {
      epoch.current += 1;
      void api.invoke('citizen.close', {});
      void wipeBrowserTraces();
      setState(to === 'home' ? { screen: 'home', wiped: byIdle, scanError: null } : { screen: 'identify', busy: false, error: null });
      setAskingOfficer(false);
      reloadOptions();
      resetDisplay();
      void getI18n().changeLanguage(defaultLanguage);
    },
    [defaultLanguage, resetDisplay, reloadOptions],
  );
  const onIdle = useCallback(() => wipe(true), [wipe]);
  // Anything a citizen changed, even on the welcome screen (text size, language), is undone when they walk away.
  const changed =
    state.screen !== 'home' || askingOfficer || display.textSize !== DEFAULT_DISPLAY.textSize || display.highContrast || i18n.language !== defaultLanguage;
  const { secondsLeft, stillHere } = useIdle((options?.idleSeconds ?? DEFAULT_IDLE_S) * 1000, COUNTDOWN_S, onIdle, changed);

  /** Runs `then` with an answer only if no wipe happened while it was on its way. */
  const current = () => {
    const at = epoch.current;
    return (update: () => void) => at === epoch.current && update();
  };

  const identify = useCallback(async (query: CitizenQuery, card: ScannedCard | null = null) => {
    const still = current();
    if (!card) setState({ screen: 'identify', busy: true, error: null });
    const fullName = card?.name ?? undefined;
    const opened = await api.invoke('citizen.open', { ...query, ...(fullName ? { fullName } : {}), source: card ? 'card' : 'typed' });
    if (!opened.ok) {
      return still(() =>
        setState(card ? { screen: 'home', wiped: false, scanError: opened.error } : { screen: 'identify', busy: false, error: opened.error }),
      );
    }
    const citizen: Citizen = {
      identity: opened.value.identity,
      fullName: opened.value.fullName,
      card,
      issueDateGiven: query.cardIssueDate !== undefined,
      assurance: opened.value.assurance,
    };
    still(() => void askConsent(citizen));
    // Stable for the page's life: `askConsent` reads only setters, refs and the api.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  /** The consent notice, after identification and again when the citizen goes back from the reminders. */
  const askConsent = async (citizen: Citizen) => {
    const still = current();
    setState({ screen: 'consent', citizen, notice: null, busy: false, error: null });
    const notice = await api.invoke('consent.notice', { purpose: 'proactive-services' });
    still(() =>
      setState((s) => (s.screen === 'consent' ? { ...s, notice: notice.ok ? notice.value : null, error: notice.ok ? null : notice.error } : s)),
    );
  };

  const loadReminders = async (citizen: Citizen, profile: ConsentDecision['profile']) => {
    const still = current();
    const base: RemindersState = { citizen, profile, list: null, printing: null, printedPages: null, preparing: null, error: null };
    setState({ screen: 'reminders', ...base });
    const result = await api.invoke('proactive.reminders', {});
    still(() => setState((s) => (s.screen === 'reminders' ? { ...s, list: result.ok ? result.value : null, error: result.ok ? null : result.error } : s)));
  };

  // Where this machine has a chip reader, a card-only turn can become `chip`: then consent is asked again on it.
  const [chipReader, setChipReader] = useState(false);
  useEffect(() => void api.invoke('app.info', {}).then((r) => setChipReader(r.ok && r.value.chipReader)), []);
  const readChip = async () => {
    if (state.screen !== 'consent') return;
    const still = current();
    const { citizen } = state;
    setState({ ...state, busy: true, error: null });
    const result = await api.invoke('identity.readChip', {});
    still(() => {
      if (!result.ok) return setState((s) => (s.screen === 'consent' ? { ...s, busy: false, error: result.error } : s));
      void askConsent({ ...citizen, assurance: result.value.assurance, fullName: result.value.fullName });
    });
  };

  const decide = async (accept: boolean) => {
    if (state.screen !== 'consent') return;
    const still = current();
    const { citizen } = state;
    setState({ ...state, busy: true, error: null });
    const result = await api.invoke('consent.decide', { purpose: 'proactive-services', accept });
    still(() => {
      if (!result.ok) return setState((s) => (s.screen === 'consent' ? { ...s, busy: false, error: result.error } : s));
      void loadReminders(citizen, result.value.profile);
    });
  };

  // A card scanned before anyone is being served identifies the citizen.
  const onScan = useCallback(
    (result: ScanResult) => {
      if (result.kind === 'error') return setState({ screen: 'home', wiped: false, scanError: result.error });
      if (result.kind === 'receipt') return setState({ screen: 'lookup', code: result.receiptCode });
      if (result.kind === 'procedures') return setState({ screen: 'catalogue', codes: result.codes });
      if (result.kind !== 'identity' || !result.identity.birthDate) {
        return setState({ screen: 'home', wiped: false, scanError: t('scan.notAnIdCard') });
      }
      const { personalNumber, birthDate, issueDate, fullName } = result.identity;
      const card = { name: result.asciiOnly ? null : (fullName ?? null), asciiOnly: result.asciiOnly, warnings: result.warnings };
      void identify({ personalNumber, birthDate, ...(issueDate ? { cardIssueDate: issueDate } : {}) }, card);
    },
    [identify, t],
  );
  const listening = (state.screen === 'home' || state.screen === 'identify') && !askingOfficer;
  useEffect(() => (listening ? api.on('scan', ({ result }) => onScan(result)) : undefined), [listening, onScan]);
  const onWedge = useCallback(
    (text: string) => void api.invoke('scan.classify', { text, asciiOnly: true }).then((r) => r.ok && onScan(r.value)),
    [onScan],
  );
  useKeyboardWedge(onWedge, listening);

  const print = async (paper: Paper) => {
    if (state.screen !== 'reminders') return;
    const still = current();
    setState({ ...state, printing: paper, printedPages: null, printOutcome: undefined, error: null });
    const result = await api.invoke('print.reminders', { paper });
    still(() => {
      if (result.ok) savePdf(result.value);
      setState((s) =>
        s.screen === 'reminders'
          ? { ...s, printing: null, printedPages: result.ok && !result.value.print ? result.value.pages : null, printOutcome: result.ok ? result.value.print : undefined, error: result.ok ? null : result.error }
          : s,
      );
    });
  };

  const prepare = async (reminder: ListedReminder, formId: string) => {
    if (state.screen !== 'reminders') return;
    const still = current();
    const back: RemindersState = {
      citizen: state.citizen,
      profile: state.profile,
      list: state.list,
      printing: null,
      printedPages: state.printedPages,
      preparing: null,
      error: null,
    };
    setState({ ...state, preparing: reminder.ruleId, error: null });
    const preparedAt = performance.now();
    const result =
      reminder.linked && reminder.procedureCode !== null
        ? await api.invoke('dossier.prepareLinked', { procedureCode: reminder.procedureCode }).then((r) => (r.ok ? { ok: true as const, value: r.value.dossiers } : r))
        : await api.invoke('dossier.prepare', { formId }).then((r) => (r.ok ? { ok: true as const, value: [r.value] } : r));
    still(() =>
      setState(
        result.ok
          ? { screen: 'dossier', back, views: result.value, preparedAt }
          : { screen: 'reminders', ...back, error: result.error },
      ),
    );
  };

  const compare = (outcomeId: string) => {
    if (state.screen !== 'reminders') return;
    const back: RemindersState = { ...state, printing: null, preparing: null, error: null };
    setState({ screen: 'compare', outcomeId, back });
  };

  // Every new screen, and so every new citizen's turn, starts at its top whatever the last one scrolled to.
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [state.screen]);

  const toHome = () => setState({ screen: 'home', wiped: false, scanError: null });

  const screen = () => {
    switch (state.screen) {
      case 'lookup':
        return <StatusLookupScreen initialCode={state.code} onHome={toHome} />;
      case 'home':
        return (
          <AttractScreen
            options={options}
            wiped={state.wiped}
            scanError={state.scanError}
            onType={() => setState({ screen: 'identify', busy: false, error: null })}
            onLookup={() => setState({ screen: 'lookup', code: null })}
            onCompare={() => setState({ screen: 'outcomes' })}
            onNumber={() => setTakingNumber({})}
            onCatalogue={() => setState({ screen: 'catalogue', codes: null })}
          />
        );
      case 'identify':
        // The form keeps its digits across a failed check: it stays mounted while busy.
        return <IdentifyScreen busy={state.busy} error={state.error} initial={state.initial} onSubmit={(q) => void identify(q)} onBack={() => wipe(false)} />;
      case 'consent': {
        // Back undoes the identification: to the keypad if the number was typed, else to the start.
        const typed = state.citizen.card === null;
        const { citizen } = state;
        return (
          <ConsentScreen
            greetingName={citizen.card?.name ?? citizen.fullName}
            assurance={citizen.assurance}
            {...(isCardOnly(citizen.assurance) ? { onConfirmPhone: () => setState({ screen: 'confirm', citizen }) } : {})}
            {...(isCardOnly(citizen.assurance) && chipReader ? { onReadChip: () => void readChip() } : {})}
            notice={state.notice}
            busy={state.busy}
            error={state.error}
            onDecide={(accept) => void decide(accept)}
            onBack={() => wipe(false, typed ? 'identify' : 'home')}
            backHint={t(typed ? 'kioskUi.toIdentify' : 'kioskUi.toStart')}
            onFinish={() => wipe(false)}
          />
        );
      }
      case 'confirm': {
        const { citizen } = state;
        return <ConfirmPhoneScreen onConfirmed={() => void askConsent({ ...citizen, assurance: 'holder-confirmed' })} onBack={() => void askConsent(citizen)} />;
      }
      case 'reminders': {
        const { citizen } = state;
        return (
          <RemindersScreen
            identity={citizen.identity}
            assurance={citizen.assurance}
            {...(isCardOnly(citizen.assurance) ? { onConfirmPhone: () => setState({ screen: 'confirm', citizen }) } : {})}
            list={state.list}
            card={citizen.card}
            greetingName={state.list?.fullName ?? citizen.card?.name ?? citizen.fullName}
            profile={state.profile}
            printing={state.printing}
            printedPages={state.printedPages}
            printOutcome={state.printOutcome}
            preparing={state.preparing}
            error={state.error}
            onPrint={(paper) => void print(paper)}
            onPrepare={(r, formId) => void prepare(r, formId)}
            onCompare={compare}
            onBack={() => void askConsent(citizen)}
            onFinish={() => wipe(false)}
            renewalUnchecked={!citizen.issueDateGiven && state.profile !== 'loaded' && citizen.identity.age >= FIRST_RENEWAL_AGE}
            onAddIssueDate={() =>
              setState({
                screen: 'identify',
                busy: false,
                error: null,
                initial: { personalNumber: citizen.identity.personalNumber, birthDate: citizen.identity.birthDate },
              })
            }
          />
        );
      }
      case 'dossier':
        return (
          <DossierReview
            key={state.views[0]!.draft.id}
            initial={state.views}
            preparedAt={state.preparedAt}
            onClose={() => setState({ screen: 'reminders', ...state.back })}
            onFinish={() => wipe(false)}
            afterPrint={(codes) => <TakeNumberOffer procedureCodes={codes} onTake={(serviceIds) => setTakingNumber({ serviceIds })} />}
          />
        );
      case 'compare': {
        const { back, outcomeId } = state;
        return (
          <ComparisonScreen
            key={outcomeId}
            outcomeId={outcomeId}
            backLabel={back ? t('compare.backToReminders') : t('compare.backToOutcomes')}
            onBack={() => setState(back ? { screen: 'reminders', ...back } : { screen: 'outcomes' })}
            {...(back ? { onFinish: () => wipe(false) } : {})}
          />
        );
      }
      case 'catalogue':
        return <ProcedureCatalogueScreen key={state.codes?.join(',') ?? ''} codes={state.codes} onHome={toHome} />;
      case 'outcomes':
        return <OutcomesScreen onChoose={(outcomeId) => setState({ screen: 'compare', outcomeId, back: null })} onBack={toHome} />;
    }
  };

  // "Ask an officer" and "are you still there?" cover the screen without unmounting it: Back and Continue return to it as it was.
  return (
    <AskOfficerContext.Provider value={() => setAskingOfficer(true)}>
      <div className="kiosk">
        <DisplayControls prefs={display} onChange={changeDisplay} />
        {askingOfficer && <AskOfficerScreen centreName={options?.centreName ?? null} onBack={() => setAskingOfficer(false)} />}
        {takingNumber && !askingOfficer && <TakeNumberScreen serviceIds={takingNumber.serviceIds} onDone={() => setTakingNumber(null)} />}
        <div className="kiosk-screen" hidden={askingOfficer || takingNumber !== null}>
          {screen()}
        </div>
      </div>
      {secondsLeft !== null && <StillThereDialog secondsLeft={secondsLeft} onContinue={stillHere} />}
    </AskOfficerContext.Provider>
  );
}
