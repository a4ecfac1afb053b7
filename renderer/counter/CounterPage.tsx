import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorData, AssuranceLevel, ChannelInput, ChannelOutput, ConsentDecision, DossierView, Identity } from '../../electron/contract';
import { AssuranceBadge, isCardOnly } from '../components/AssuranceBadge';
import { cardCitizen } from '../components/card-scan';
import { Button } from '../components/Button';
import { DateInput } from '../components/DateInput';
import { ErrorMessage } from '../components/ErrorMessage';
import { formatIsoDate } from '../components/format-date';
import { SyncStatusPanel } from '../components/SyncStatusPanel';
import { currentLanguage } from '../i18n';
import { api } from '../transport';
import { ComparisonPanel } from './ComparisonPanel';
import { CounterDossier } from './CounterDossier';
import { CounterWork } from './CounterWork';
import { QueuePanel } from './QueuePanel';

interface Served {
  identity: Identity;
  fullName: string | null;
  assurance: AssuranceLevel;
  consent: ConsentDecision['profile'] | null;
}

type FormChoice = ChannelOutput<'dossier.forms'>['forms'][number];

/** The officer's workstation: identify the citizen, prepare a form, review it on one page. Sign-in arrives with the counter issue. */
export function CounterPage() {
  const { t, i18n } = useTranslation();
  const lang = currentLanguage(i18n.language);
  const id = useId();
  const [personalNumber, setPersonalNumber] = useState('');
  const [birthDate, setBirthDate] = useState('');
  const [served, setServed] = useState<Served | null>(null);
  const [forms, setForms] = useState<FormChoice[]>([]);
  const [formId, setFormId] = useState('');
  const [view, setView] = useState<DossierView | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorData | null>(null);
  const firstInput = useRef<HTMLInputElement>(null);

  // The forms this machine holds (bundled and synced), from the host.
  useEffect(() => {
    void api.invoke('dossier.forms', {}).then((r) => {
      if (!r.ok) return setError(r.error);
      setForms(r.value.forms);
      setFormId((current) => current || (r.value.forms[0]?.formId ?? ''));
    });
  }, []);

  const open = async (input: ChannelInput<'citizen.open'> = { personalNumber, birthDate, source: 'typed' }) => {
    setBusy(true);
    setError(null);
    const result = await api.invoke('citizen.open', input);
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setServed({ identity: result.value.identity, fullName: result.value.fullName, assurance: result.value.assurance, consent: null });
    setView(null);
  };
  // An ID card scanned at the counter fills the identity fields and opens the citizen.
  useEffect(
    () =>
      api.on('scan', ({ result }) => {
        const card = cardCitizen(result);
        if (!card) return;
        setPersonalNumber(card.personalNumber);
        setBirthDate(card.birthDate);
        void open(card);
      }),
    // One subscription for the page's life; `open` reads only setters and the api.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );
  const consent = async () => {
    setBusy(true);
    setError(null);
    const result = await api.invoke('consent.decide', { purpose: 'proactive-services', accept: true });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setServed((s) => (s ? { ...s, consent: result.value.profile } : s));
  };
  // Where this machine has a chip reader, the card's chip raises the level too (chip).
  const [chipReader, setChipReader] = useState(false);
  useEffect(() => void api.invoke('app.info', {}).then((r) => setChipReader(r.ok && r.value.chipReader)), []);
  const readChip = async () => {
    setBusy(true);
    setError(null);
    const result = await api.invoke('identity.readChip', {});
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setServed((s) => (s ? { ...s, assurance: result.value.assurance, fullName: result.value.fullName, consent: null } : s));
  };
  // The officer's word that the original card was checked: officer-attested, audited with their account; consent is asked again on it.
  const attest = async () => {
    setBusy(true);
    setError(null);
    const result = await api.invoke('identity.attest', { checkedOriginal: true });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setServed((s) => (s ? { ...s, assurance: result.value.assurance, consent: null } : s));
  };
  const prepare = async () => {
    setBusy(true);
    setError(null);
    const result = await api.invoke('dossier.prepare', { formId });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setView(result.value);
  };
  const next = () => {
    void api.invoke('citizen.close', {});
    setServed(null);
    setView(null);
    setError(null);
    setPersonalNumber('');
    setBirthDate('');
    firstInput.current?.focus();
  };
  const invalid = (name: string) => error?.fields?.includes(name) ?? false;

  return (
    <section className="counter" aria-labelledby="counter-title">
      <h1 id="counter-title">{t('counter.title')}</h1>
      <form
        className="counter-identify"
        aria-label={t('counter.citizen')}
        onSubmit={(e) => {
          e.preventDefault();
          void open();
        }}
      >
        <div className="cfield">
          <label htmlFor={`${id}-pn`}>{t('counter.personalNumber')}</label>
          <input
            id={`${id}-pn`}
            ref={firstInput}
            type="text"
            inputMode="numeric"
            autoComplete="off"
            maxLength={12}
            size={14}
            value={personalNumber}
            aria-invalid={invalid('personalNumber')}
            onChange={(e) => setPersonalNumber(e.target.value.replace(/\D/g, ''))}
          />
        </div>
        <div className="cfield">
          <label htmlFor={`${id}-bd`}>{t('counter.birthDate')}</label>
          <DateInput
            id={`${id}-bd`}
            size={12}
            placeholder={t('dossier.datePlaceholder')}
            value={birthDate || null}
            aria-invalid={invalid('birthDate')}
            onValue={(v) => setBirthDate(v ?? '')}
          />
        </div>
        <Button type="submit" disabled={busy || personalNumber.length !== 12 || !/^\d{4}-\d{2}-\d{2}$/.test(birthDate)}>
          {busy && !served ? t('counter.opening') : t('counter.open')}
        </Button>
        {served && (
          <Button variant="secondary" onClick={next}>
            {t('counter.nextCitizen')}
          </Button>
        )}
      </form>
      <ErrorMessage error={error} />

      {served && (
        <>
          <div className="counter-citizen">
            {served.fullName && <strong>{served.fullName}</strong>}
            <span>
              {t('counter.identity', {
                number: served.identity.personalNumber,
                birthDate: formatIsoDate(served.identity.birthDate),
                age: served.identity.age,
                province: served.identity.provinceName ?? t('identity.unlistedPlace', { code: served.identity.provinceCode }),
              })}
            </span>
            <AssuranceBadge level={served.assurance} />
            {isCardOnly(served.assurance) && chipReader && (
              <Button variant="secondary" disabled={busy} onClick={() => void readChip()}>
                {t('counter.readChip')}
              </Button>
            )}
            {isCardOnly(served.assurance) && (
              <Button variant="secondary" disabled={busy} title={t('counter.attestHint')} onClick={() => void attest()}>
                {t('counter.attest')}
              </Button>
            )}
            {served.consent === null ? (
              <Button variant="secondary" disabled={busy} onClick={() => void consent()}>
                {t('counter.consent')}
              </Button>
            ) : (
              <span className={served.consent === 'loaded' ? 'notice' : 'warning'}>
                {served.consent === 'loaded' ? t('counter.consentGiven') : t(`consent.${served.consent}`)}
              </span>
            )}
          </div>
          <form
            className="counter-forms"
            onSubmit={(e) => {
              e.preventDefault();
              void prepare();
            }}
          >
            <div className="cfield">
              <label htmlFor={`${id}-form`}>{t('counter.form')}</label>
              <select id={`${id}-form`} value={formId} onChange={(e) => setFormId(e.target.value)}>
                {forms.map((f) => (
                  <option key={f.formId} value={f.formId}>
                    {f.title[lang]}
                  </option>
                ))}
              </select>
            </div>
            <Button type="submit" disabled={busy}>
              {t('counter.prepare')}
            </Button>
          </form>
          {view && <CounterDossier key={view.draft.id} initial={view} />}
        </>
      )}
      <QueuePanel />
      <CounterWork />
      {/* Level 3: compared for the citizen being served, or for anyone; a new citizen starts a new comparison. */}
      <ComparisonPanel key={served?.identity.personalNumber ?? 'anyone'} />
      <SyncStatusPanel canSyncNow={false} />
    </section>
  );
}
