import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IDLE_SECONDS, LANGUAGES, type AppErrorData, type KioskOptions } from '../../electron/contract';
import { Button } from '../components/Button';
import { ErrorMessage } from '../components/ErrorMessage';
import { useReloadKioskOptions } from '../components/KioskOptions';
import { api } from '../transport';

type TextKey = 'centreName' | 'openingHours';
const TEXT_FIELDS: { key: TextKey; lang: 'vi' | 'en'; label: string; max: number }[] = [
  { key: 'centreName', lang: 'vi', label: 'kioskOptions.centreNameVi', max: 200 },
  { key: 'centreName', lang: 'en', label: 'kioskOptions.centreNameEn', max: 200 },
  { key: 'openingHours', lang: 'vi', label: 'kioskOptions.hoursVi', max: 300 },
  { key: 'openingHours', lang: 'en', label: 'kioskOptions.hoursEn', max: 300 },
];

/** The kiosk options of this machine; the host checks every value again (strict schema, 30–600 s). */
export function KioskOptionsPanel() {
  const { t } = useTranslation();
  const id = useId();
  const [options, setOptions] = useState<KioskOptions | null>(null);
  // The idle time as typed, so a half-typed number is not rejected on every key.
  const [idle, setIdle] = useState('');
  const [error, setError] = useState<AppErrorData | null>(null);
  const [saved, setSaved] = useState(false);
  const reloadShared = useReloadKioskOptions();
  useEffect(() => {
    void api.invoke('kiosk.options', {}).then((r) => {
      if (!r.ok) return setError(r.error);
      setOptions(r.value);
      setIdle(String(r.value.idleSeconds));
    });
  }, []);
  if (!options) return <ErrorMessage error={error} />;

  const change = (c: Partial<KioskOptions>) => {
    setOptions({ ...options, ...c });
    setSaved(false);
  };
  const save = async () => {
    const r = await api.invoke('kiosk.setOptions', { ...options, idleSeconds: Number(idle) });
    setError(r.ok ? null : r.error);
    setSaved(r.ok);
    if (!r.ok) return;
    setOptions(r.value);
    reloadShared();
  };
  const idleInvalid = error?.fields?.includes('idleSeconds') ?? false;

  return (
    <section className="devices kiosk-options" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('kioskOptions.title')}</h2>
      <p className="hint">{t('kioskOptions.intro')}</p>
      <form
        className="device-fields"
        // The host checks the range and says why in both languages; the browser's own bubble would not.
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <div className="device-field">
          <label htmlFor={`${id}-role`}>{t('kioskOptions.role')}</label>
          <select id={`${id}-role`} value={options.role} onChange={(e) => change({ role: e.target.value === 'counter' ? 'counter' : 'kiosk' })}>
            <option value="kiosk">{t('kioskOptions.roleKiosk')}</option>
            <option value="counter">{t('kioskOptions.roleCounter')}</option>
          </select>
        </div>
        <div className="device-field">
          <label htmlFor={`${id}-idle`}>{t('kioskOptions.idleSeconds')}</label>
          <input
            id={`${id}-idle`}
            type="number"
            inputMode="numeric"
            min={IDLE_SECONDS.min}
            max={IDLE_SECONDS.max}
            value={idle}
            aria-invalid={idleInvalid}
            aria-describedby={`${id}-idle-hint`}
            onChange={(e) => {
              setIdle(e.target.value);
              setSaved(false);
            }}
          />
          <span id={`${id}-idle-hint`} className="hint">
            {t('kioskOptions.idleHint')}
          </span>
        </div>
        <div className="device-field">
          <label htmlFor={`${id}-lang`}>{t('kioskOptions.defaultLanguage')}</label>
          <select id={`${id}-lang`} value={options.defaultLanguage} onChange={(e) => change({ defaultLanguage: e.target.value === 'en' ? 'en' : 'vi' })}>
            {LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {t(`language.${l}`)}
              </option>
            ))}
          </select>
        </div>
        {TEXT_FIELDS.map((f) => (
          <div key={`${f.key}-${f.lang}`} className="device-field device-field-wide">
            <label htmlFor={`${id}-${f.key}-${f.lang}`}>{t(f.label)}</label>
            <input
              id={`${id}-${f.key}-${f.lang}`}
              type="text"
              lang={f.lang}
              maxLength={f.max}
              value={options[f.key][f.lang]}
              onChange={(e) => change({ [f.key]: { ...options[f.key], [f.lang]: e.target.value } })}
            />
          </div>
        ))}
        <label className="choice device-field-wide">
          <input type="checkbox" checked={options.saturdayMorning} onChange={(e) => change({ saturdayMorning: e.target.checked })} />
          {t('kioskOptions.saturdayMorning')}
        </label>
        <div className="device-actions device-field-wide">
          <Button type="submit">{t('kioskOptions.save')}</Button>
          {saved && (
            <p className="device-status" role="status">
              {t('kioskOptions.saved')}
            </p>
          )}
        </div>
      </form>
      <ErrorMessage error={error} />
    </section>
  );
}
