import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dateInWords, type AppErrorData, type PublicCaseStatus } from '../../electron/contract';
import { Button } from '../components/Button';
import { ErrorMessage } from '../components/ErrorMessage';
import { caseIsoDay } from '../components/case-day';
import { Keypad, type KeypadKey } from '../components/Keypad';
import { currentLanguage } from '../i18n';
import { api } from '../transport';
import { KioskNav } from './KioskNav';
import { useKeyboardWedge } from './useKeyboardWedge';

const LETTERS = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ', '-'];
const MAX_CODE = 40;

/**
 * "Look up a case" at the kiosk: the receipt's QR scanned, or its code typed on the on-screen
 * keys or a keyboard; the host answers only an exact code, with the status and the next step —
 * no name, no number, no login.
 */
export function StatusLookupScreen({ initialCode, onHome }: { initialCode: string | null; onHome: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = currentLanguage(i18n.language);
  const id = useId();
  const [code, setCode] = useState(initialCode ?? '');
  const [status, setStatus] = useState<PublicCaseStatus | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);

  const lookUp = useCallback(async (receiptCode: string) => {
    setError(null);
    setStatus(null);
    const r = await api.invoke('cases.status', { receiptCode });
    if (!r.ok) return setError(r.error);
    setStatus(r.value);
  }, []);
  useEffect(() => {
    if (initialCode) void lookUp(initialCode);
  }, [initialCode, lookUp]);
  // A receipt scanned on this screen is looked up at once.
  const onScanText = useCallback(
    (text: string) => {
      setCode(text.trim().toUpperCase());
      void lookUp(text);
    },
    [lookUp],
  );
  useEffect(() => api.on('scan', ({ result }) => result.kind === 'receipt' && onScanText(result.receiptCode)), [onScanText]);
  useKeyboardWedge(onScanText, true);

  const press = (key: KeypadKey) => {
    setCode((c) => (key === 'backspace' ? c.slice(0, -1) : key === 'clear' ? '' : (c + key).slice(0, MAX_CODE)));
  };

  return (
    <section className="lookup" aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`}>{t('lookup.title')}</h1>
      <ErrorMessage error={error} />
      {status && (
        <article className="reminder" aria-live="polite">
          <h2>
            {status.receiptCode} · {t(`caseStatus.${status.status}`)}
          </h2>
          {status.procedureName && <p className="lead">{status.procedureName[lang]}</p>}
          {status.reference && status.reference !== status.receiptCode && <p>{t('lookup.provisional', { reference: status.reference })}</p>}
          <p>
            <strong>{t('lookup.meaning')}:</strong> {status.meaning[lang]}
          </p>
          <p>
            <strong>{t('lookup.next')}:</strong> {status.nextStep[lang]}
          </p>
          {status.dueAt && <p>{t('lookup.dates', { received: dateInWords(caseIsoDay(status.receivedAt))[lang], due: dateInWords(caseIsoDay(status.dueAt))[lang] })}</p>}
        </article>
      )}
      <form
        id={`${id}-form`}
        onSubmit={(e) => {
          e.preventDefault();
          void lookUp(code);
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-code`}>{t('lookup.codeLabel')}</label>
          <input
            id={`${id}-code`}
            type="text"
            autoComplete="off"
            spellCheck={false}
            maxLength={MAX_CODE}
            value={code}
            onChange={(e) => setCode(e.target.value.toUpperCase().replace(/[^A-Z0-9-]/g, ''))}
          />
        </div>
        <div className="keypad lookup-letters" role="group" aria-label={t('lookup.keys')}>
          {LETTERS.map((l) => (
            <button key={l} type="button" className="key" onClick={() => press(l)}>
              {l}
            </button>
          ))}
        </div>
        <Keypad onKey={press} />
      </form>
      <KioskNav
        onBack={onHome}
        backHint={t('lookup.home')}
        main={
          <Button type="submit" form={`${id}-form`} className="btn-hero" disabled={code.length < 4}>
            {t('lookup.find')}
          </Button>
        }
      />
    </section>
  );
}
