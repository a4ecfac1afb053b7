import { useEffect, useId, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { AssuranceBadge, isCardOnly } from '../components/AssuranceBadge';
import { cardCitizen } from '../components/card-scan';
import { Button } from '../components/Button';
import { DateInput } from '../components/DateInput';
import { ErrorMessage } from '../components/ErrorMessage';
import { formatIsoDate } from '../components/format-date';
import { api } from '../transport';
import { ShortcutButton } from './ShortcutButton';
import { SHORTCUTS } from './shortcuts';
import type { ServedCitizen } from './useServedCitizen';

/**
 * Who is served: the number and birth date typed (or an ID card scanned) open the citizen; then
 * their line, with the officer's check of the card, the chip and consent. `onOpened` moves the
 * officer on (to the procedure) after the card check or consent; `onNext` ends the citizen's turn.
 */
export function CitizenBar({ citizen, numberRef, onOpened, onNext }: { citizen: ServedCitizen; numberRef: Ref<HTMLInputElement>; onOpened: () => void; onNext: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [personalNumber, setPersonalNumber] = useState('');
  const [birthDate, setBirthDate] = useState('');
  const { served, busy, error } = citizen;

  const open = (input = { personalNumber, birthDate, source: 'typed' as const }) => citizen.open(input);
  // An ID card scanned at the counter fills the identity fields and opens the citizen.
  useEffect(
    () =>
      api.on('scan', ({ result }) => {
        const card = cardCitizen(result);
        if (!card) return;
        setPersonalNumber(card.personalNumber);
        setBirthDate(card.birthDate);
        void citizen.open(card);
      }),
    // One subscription for the page's life; `open` reads only setters and the api.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );
  const next = () => {
    setPersonalNumber('');
    setBirthDate('');
    onNext();
  };
  const invalid = (name: string) => error?.fields?.includes(name) ?? false;

  return (
    <div className="counter-citizen-bar">
      <form
        className="counter-identify"
        aria-label={t('counter.citizen')}
        onSubmit={(e) => {
          e.preventDefault();
          void open();
        }}
      >
        <div className="cfield">
          <label htmlFor={`${id}-pn`}>
            {t('counter.personalNumber')} <kbd aria-hidden="true">{SHORTCUTS.citizen}</kbd>
          </label>
          <input
            id={`${id}-pn`}
            ref={numberRef}
            aria-keyshortcuts={SHORTCUTS.citizen}
            type="text"
            inputMode="numeric"
            autoComplete="off"
            // The officer's first key after signing in is the citizen's number.
            autoFocus
            maxLength={12}
            size={13}
            value={personalNumber}
            aria-invalid={invalid('personalNumber')}
            onChange={(e) => setPersonalNumber(e.target.value.replace(/\D/g, ''))}
          />
        </div>
        <div className="cfield">
          <label htmlFor={`${id}-bd`}>{t('counter.birthDate')}</label>
          <DateInput id={`${id}-bd`} size={10} placeholder={t('dossier.datePlaceholder')} value={birthDate || null} aria-invalid={invalid('birthDate')} onValue={(v) => setBirthDate(v ?? '')} />
        </div>
        <Button type="submit" disabled={busy || personalNumber.length !== 12 || !/^\d{4}-\d{2}-\d{2}$/.test(birthDate)}>
          {busy && !served ? t('counter.opening') : t('counter.open')}
        </Button>
        {served && (
          <ShortcutButton variant="secondary" shortcut={SHORTCUTS.nextCitizen} onClick={next}>
            {t('counter.nextCitizen')}
          </ShortcutButton>
        )}
      </form>
      <ErrorMessage error={error} />
      {served && (
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
          {isCardOnly(served.assurance) && citizen.chipReader && (
            <Button variant="secondary" disabled={busy} onClick={() => void citizen.readChip()}>
              {t('counter.readChip')}
            </Button>
          )}
          {isCardOnly(served.assurance) && (
            <ShortcutButton variant="secondary" shortcut={SHORTCUTS.attest} disabled={busy} title={t('counter.attestHint')} onClick={() => void citizen.attest().then((ok) => ok && onOpened())}>
              {t('counter.attest')}
            </ShortcutButton>
          )}
          {served.consent === null ? (
            <ShortcutButton variant="secondary" shortcut={SHORTCUTS.consent} disabled={busy} onClick={() => void citizen.consent().then((ok) => ok && onOpened())}>
              {t('counter.consent')}
            </ShortcutButton>
          ) : (
            <span className={served.consent === 'loaded' ? 'notice' : 'warning'}>{served.consent === 'loaded' ? t('counter.consentGiven') : t(`consent.${served.consent}`)}</span>
          )}
        </div>
      )}
    </div>
  );
}
