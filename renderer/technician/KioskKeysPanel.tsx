import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorData } from '../../electron/contract';
import { Button } from '../components/Button';
import { ErrorMessage } from '../components/ErrorMessage';
import { api } from '../transport';

/** The kiosk keys a counter verifies print-outs with: this machine's to copy, a kiosk's to register. */
export function KioskKeysPanel() {
  const { t } = useTranslation();
  const id = useId();
  const [own, setOwn] = useState<{ pem: string; keyId: string } | null>(null);
  const [pem, setPem] = useState('');
  const [trusted, setTrusted] = useState<string[] | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);
  useEffect(() => {
    void api.invoke('kiosk.publicKey', {}).then((r) => (r.ok ? setOwn(r.value) : setError(r.error)));
  }, []);
  const trust = async () => {
    const r = await api.invoke('kiosk.trustKey', { pem });
    setError(r.ok ? null : r.error);
    if (!r.ok) return;
    setTrusted(r.value.keyIds);
    setPem('');
  };

  return (
    <section className="devices kiosk-keys" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('desk.trustTitle')}</h2>
      <p className="hint">{t('desk.trustIntro')}</p>
      {own && (
        <div className="device-field-wide">
          <label htmlFor={`${id}-own`}>{t('desk.ownKey', { keyId: own.keyId })}</label>
          <textarea id={`${id}-own`} readOnly rows={4} cols={70} value={own.pem} />
        </div>
      )}
      <div className="device-field-wide">
        <label htmlFor={`${id}-pem`}>{t('desk.kioskKey')}</label>
        <textarea id={`${id}-pem`} rows={4} cols={70} spellCheck={false} value={pem} onChange={(e) => setPem(e.target.value)} />
      </div>
      <Button disabled={pem.trim() === ''} onClick={() => void trust()}>
        {t('desk.trust')}
      </Button>
      {trusted && <p className="notice">{t('desk.trusted', { ids: trusted.join(', ') })}</p>}
      <ErrorMessage error={error} />
    </section>
  );
}
