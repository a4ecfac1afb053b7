import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorData, HolderChallenge } from '../../electron/contract';
import { Bilingual, useBoth } from '../components/Bilingual';
import { Button } from '../components/Button';
import { DigitField } from '../components/DigitField';
import { ErrorMessage } from '../components/ErrorMessage';
import { applyKey, Keypad } from '../components/Keypad';
import { api } from '../transport';
import { DemoPhonePanel } from './DemoPhonePanel';
import { KioskNav } from './KioskNav';

/** How often the kiosk asks the centre whether the holder approved in the app. */
const POLL_MS = 3000;
const CODE_DIGITS = 6;

type Phase =
  | { kind: 'sending' }
  | { kind: 'waiting'; challenge: HolderChallenge }
  | { kind: 'ended'; status: 'expired' | 'refused' }
  | { kind: 'failed'; error: AppErrorData };

interface Props {
  /** The centre confirmed: the turn is holder-confirmed. */
  onConfirmed: () => void;
  onBack: () => void;
}

/**
 * Holder confirmation: the centre sends a one-time code to the citizen's registered phone; the
 * citizen types it here, or approves in the e-ID app while the kiosk asks the centre now and then.
 * A code that runs out is said calmly, with a new one a touch away.
 */
export function ConfirmPhoneScreen({ onConfirmed, onBack }: Props) {
  const { t } = useTranslation();
  const both = useBoth();
  const [phase, setPhase] = useState<Phase>({ kind: 'sending' });
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorData | null>(null);
  const mounted = useRef(true);
  useEffect(() => () => void (mounted.current = false), []);

  const send = useCallback(async () => {
    setPhase({ kind: 'sending' });
    setCode('');
    setError(null);
    const result = await api.invoke('identity.challenge', {});
    if (!mounted.current) return;
    setPhase(result.ok ? { kind: 'waiting', challenge: result.value } : { kind: 'failed', error: result.error });
  }, []);
  useEffect(() => void send(), [send]);

  const answer = useCallback(
    async (typed?: string) => {
      const result = await api.invoke('identity.confirm', typed === undefined ? {} : { code: typed });
      if (!mounted.current) return;
      if (!result.ok) return typed !== undefined && setError(result.error);
      const { status } = result.value;
      if (status === 'confirmed') onConfirmed();
      else if (status === 'expired' || status === 'refused') setPhase({ kind: 'ended', status });
    },
    [onConfirmed],
  );
  const waiting = phase.kind === 'waiting';
  useEffect(() => {
    if (!waiting) return undefined;
    const timer = window.setInterval(() => void answer(), POLL_MS);
    return () => window.clearInterval(timer);
  }, [waiting, answer]);

  const submit = async () => {
    if (code.length !== CODE_DIGITS) return;
    setBusy(true);
    setError(null);
    await answer(code);
    if (mounted.current) setBusy(false);
  };

  return (
    <section className="confirm-phone" aria-labelledby="confirm-phone-title">
      <h1 id="confirm-phone-title">
        <Bilingual text={both('phone.title')} />
      </h1>
      {phase.kind === 'sending' && <p role="status">{t('phone.sending')}</p>}
      {phase.kind === 'failed' && <ErrorMessage error={phase.error} />}
      {phase.kind === 'ended' && (
        <div className="notice" role="status">
          <Bilingual as="p" text={both(`phone.${phase.status}`)} />
          <Button onClick={() => void send()}>
            <Bilingual text={both('phone.resend')} />
          </Button>
        </div>
      )}
      {phase.kind === 'waiting' && (
        <div className="identify-grid">
          <form
            className="identify-fields"
            onSubmit={(e) => {
              e.preventDefault();
              void submit();
            }}
          >
            <Bilingual as="p" className="lead" text={both('phone.sent', { phone: phase.challenge.phoneHint ?? '' })} />
            <DigitField
              label={t('phone.code')}
              hint={t('phone.codeHint')}
              digits={code}
              format={(d) => d}
              max={CODE_DIGITS}
              active
              invalid={error !== null}
              onActivate={() => undefined}
              onDigits={setCode}
            />
            <ErrorMessage error={error} />
            <p className="hint" role="status">
              {t('phone.waiting', { time: new Date(phase.challenge.expiresAt).toLocaleTimeString('vi-VN', { hour: '2-digit', minute: '2-digit' }) })}
            </p>
            <div className="actions">
              <Button type="submit" className="btn-hero" disabled={busy || code.length !== CODE_DIGITS}>
                {busy ? t('phone.checking') : t('phone.submit')}
              </Button>
            </div>
          </form>
          <Keypad onKey={(key) => setCode((c) => applyKey(c, key, CODE_DIGITS))} />
        </div>
      )}
      {/* Remounted for each code sent, so it reads the phone at once, without waiting for its timer. */}
      <DemoPhonePanel key={phase.kind === 'waiting' ? phase.challenge.expiresAt : phase.kind} />
      <KioskNav onBack={onBack} backHint={t('phone.toConsent')} />
    </section>
  );
}
