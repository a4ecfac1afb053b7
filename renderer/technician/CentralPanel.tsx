import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorData, CentralStatus, Result } from '../../electron/contract';
import { TextField } from '../auth/TextField';
import { Button } from '../components/Button';
import { ErrorMessage } from '../components/ErrorMessage';
import { api } from '../transport';
import { formatInstant } from '../components/format-date';

/**
 * The link to the centre's one-stop system: its address and public key (compared by fingerprint
 * with what the centre's IT gives), this machine's registration with a one-time code, and a test.
 */
export function CentralPanel() {
  const { t } = useTranslation();
  const id = useId();
  const [status, setStatus] = useState<CentralStatus | null>(null);
  const [link, setLink] = useState({ endpoint: '', centralPublicKeyPem: '', updateUrl: '' });
  const [enrol, setEnrol] = useState({ enrolmentCode: '', centreCode: '' });
  const [error, setError] = useState<AppErrorData | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const show = (next: CentralStatus) => {
    setStatus(next);
    setEnrol((e) => ({ ...e, centreCode: e.centreCode || next.centreCode || '' }));
    setLink((l) => ({ ...l, endpoint: l.endpoint || next.endpoint || '', updateUrl: l.updateUrl || next.updateUrl || '' }));
  };
  useEffect(() => {
    void api.invoke('central.status', {}).then((r) => (r.ok ? show(r.value) : setError(r.error)));
  }, []);

  /** One call at a time: registration and the test wait on the network. */
  const run = async <T,>(call: () => Promise<Result<T>>, then: (value: T) => void) => {
    setBusy(true);
    setDone(null);
    const result = await call();
    setBusy(false);
    setError(result.ok ? null : result.error);
    if (result.ok) then(result.value);
  };
  const configure = () =>
    run(
      () => api.invoke('central.configure', { endpoint: link.endpoint, centralPublicKeyPem: link.centralPublicKeyPem, updateUrl: link.updateUrl.trim() || null }),
      (value) => (show(value), setDone(t('central.saved'))),
    );
  const register = () =>
    run(
      () => api.invoke('central.register', enrol),
      (value) => (show(value), setEnrol((e) => ({ ...e, enrolmentCode: '' })), setDone(t('central.registeredNow', { deviceId: value.deviceId }))),
    );
  const test = () => run(() => api.invoke('central.test', {}), (result) => setStatus((s) => s && { ...s, lastTest: result }));

  const none = t('central.none');
  const lastTest = status?.lastTest;
  return (
    <section className="devices central-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('central.title')}</h2>
      <p className="devices-intro">{t('central.intro')}</p>
      {status && (
        <dl className="central-facts">
          <dt>{t('central.endpoint')}</dt>
          <dd>{status.endpoint ?? none}</dd>
          <dt>{t('central.registration')}</dt>
          <dd>{status.registered ? t('central.registered', { deviceId: status.deviceId ?? '—' }) : t('central.notRegistered')}</dd>
          <dt>{t('central.keyFingerprint')}</dt>
          <dd>
            <code>{status.keyFingerprint ?? none}</code>
          </dd>
          <dt>{t('central.centralKeyFingerprint')}</dt>
          <dd>
            <code>{status.centralKeyFingerprint ?? none}</code>
          </dd>
          <dt>{t('central.secretStore')}</dt>
          <dd>{t(`central.store.${status.secretStore}`)}</dd>
          <dt>{t('central.lastTest')}</dt>
          <dd>{lastTest ? formatInstant(lastTest.at) : none}</dd>
        </dl>
      )}
      <Button disabled={busy} onClick={() => void test()}>
        {t('central.test')}
      </Button>
      {lastTest && (
        <p className={lastTest.outcome === 'ok' ? 'notice' : 'error'} role="status">
          {t(`central.outcome.${lastTest.outcome}`)}
        </p>
      )}

      <h3>{t('central.configureTitle')}</h3>
      <div className="central-form">
        <TextField label={t('central.endpoint')} hint={t('central.endpointHint')} value={link.endpoint} spellCheck={false} onChange={(e) => setLink({ ...link, endpoint: e.target.value })} invalid={error?.code === 'BAD_INPUT'} />
        <div className="cfield">
          <label htmlFor={`${id}-pem`}>{t('central.centralKey')}</label>
          <textarea id={`${id}-pem`} rows={4} cols={70} spellCheck={false} value={link.centralPublicKeyPem} onChange={(e) => setLink({ ...link, centralPublicKeyPem: e.target.value })} />
        </div>
        <TextField label={t('central.updateUrl')} hint={t('central.updateUrlHint')} value={link.updateUrl} spellCheck={false} onChange={(e) => setLink({ ...link, updateUrl: e.target.value })} />
        <Button disabled={busy || link.endpoint.trim() === '' || link.centralPublicKeyPem.trim() === ''} onClick={() => void configure()}>
          {t('central.save')}
        </Button>
      </div>

      <h3>{t('central.registerTitle')}</h3>
      <div className="central-form">
        <TextField label={t('central.enrolmentCode')} hint={t('central.enrolmentHint')} value={enrol.enrolmentCode} autoComplete="off" onChange={(e) => setEnrol({ ...enrol, enrolmentCode: e.target.value })} />
        <TextField label={t('central.centreCode')} value={enrol.centreCode} onChange={(e) => setEnrol({ ...enrol, centreCode: e.target.value.toUpperCase() })} />
        <Button disabled={busy || enrol.enrolmentCode.trim() === '' || enrol.centreCode === ''} onClick={() => void register()}>
          {t('central.register')}
        </Button>
      </div>
      {done && (
        <p className="notice" role="status">
          {done}
        </p>
      )}
      <ErrorMessage error={error} />
    </section>
  );
}
