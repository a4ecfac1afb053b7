import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorData, DeviceView } from '../../electron/contract';
import { Button } from '../components/Button';
import { ErrorMessage } from '../components/ErrorMessage';
import { api } from '../transport';
import { draftOf, GAP_MAX, GAP_MIN, hex4, LAYOUTS, MODES, profileOf, ROLES, SUFFIXES, type Draft, type LiveLog } from './device-format';
import { LiveTest } from './LiveTest';

interface Props {
  device: DeviceView;
  log: LiveLog | null;
  onUpdated: (view: DeviceView) => void;
  onClearLog: (key: string) => void;
}

function SelectField<V extends string>({ label, value, options, optionLabel, onChange }: { label: string; value: V; options: readonly V[]; optionLabel: (v: V) => string; onChange: (v: V) => void }) {
  const id = useId();
  return (
    <div className="device-field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as V)}>
        {options.map((o) => (
          <option key={o} value={o}>
            {optionLabel(o)}
          </option>
        ))}
      </select>
    </div>
  );
}

function Fact({ term, wide = false, children }: { term: string; wide?: boolean; children: ReactNode }) {
  return (
    <div className={wide ? 'device-fact device-fact-wide' : 'device-fact'}>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** One device: what it is, where it is plugged, what it is for and how it is read. */
export function DeviceRow({ device, log, onUpdated, onClearLog }: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  const gapId = useId();
  const [draft, setDraft] = useState<Draft>(() => draftOf(device));
  // When the saved settings change (saved here or on another screen), the form follows them.
  const savedSettings = JSON.stringify([device.role, device.profile]);
  const [shown, setShown] = useState(savedSettings);
  if (shown !== savedSettings) {
    setShown(savedSettings);
    setDraft(draftOf(device));
  }
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const [gapInvalid, setGapInvalid] = useState(false);
  const [error, setError] = useState<AppErrorData | null>(null);
  const profile = profileOf(draft);
  const set = (change: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...change }));
    setSaved(false);
  };

  const save = async () => {
    setGapInvalid(profile === null);
    setSaved(false);
    if (profile === null) return;
    setBusy(true);
    const result = await api.invoke('devices.assign', { key: device.key, role: draft.role, profile });
    setBusy(false);
    setError(result.ok ? null : result.error);
    setSaved(result.ok);
    if (result.ok) onUpdated(result.value);
  };

  const toggleTest = async () => {
    const result = await api.invoke('devices.test', { key: device.key, on: !device.testing });
    setError(result.ok ? null : result.error);
    if (result.ok) onUpdated(result.value);
  };

  return (
    <article className={`device-card${device.testing ? ' device-testing' : ''}`} aria-labelledby={titleId}>
      <header className="device-card-head">
        <h3 id={titleId}>{device.product}</h3>
        <span className={`device-state ${device.connected ? 'device-connected' : 'device-disconnected'}`}>
          {device.connected ? t('devices.connected') : t('devices.disconnected')}
        </span>
      </header>
      <dl className="device-facts" aria-label={t('devices.facts')}>
        <Fact term={t('devices.ids')}>
          <code>
            {hex4(device.vendorId)}:{hex4(device.productId)}
          </code>
        </Fact>
        <Fact term={t('devices.usagePage')}>{device.usagePage === null ? t('devices.noValue') : <code>0x{hex4(device.usagePage)}</code>}</Fact>
        <Fact term={t('devices.serial')}>{device.serialNumber ?? t('devices.noValue')}</Fact>
        <Fact term={t('devices.path')} wide>{device.path === null ? t('devices.notPlugged') : <code>{device.path}</code>}</Fact>
      </dl>
      <form
        className="device-settings"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <fieldset>
          <legend>{t('devices.settings')}</legend>
          <div className="device-fields">
            <SelectField label={t('devices.role.label')} value={draft.role} options={ROLES} optionLabel={(v) => t(`devices.role.${v}`)} onChange={(role) => set({ role })} />
            <SelectField label={t('devices.mode.label')} value={draft.mode} options={MODES} optionLabel={(v) => t(`devices.mode.${v}`)} onChange={(mode) => set({ mode })} />
            {draft.mode === 'keyboard' && (
              <>
                <SelectField label={t('devices.layout.label')} value={draft.layout} options={LAYOUTS} optionLabel={(v) => t(`devices.layout.${v}`)} onChange={(layout) => set({ layout })} />
                <SelectField label={t('devices.suffix.label')} value={draft.suffix} options={SUFFIXES} optionLabel={(v) => t(`devices.suffix.${v}`)} onChange={(suffix) => set({ suffix })} />
                <div className="device-field device-field-wide">
                  <label htmlFor={gapId}>{t('devices.gap.label')}</label>
                  <input
                    id={gapId}
                    type="number"
                    inputMode="numeric"
                    min={GAP_MIN}
                    max={GAP_MAX}
                    step={1}
                    value={draft.gap}
                    aria-invalid={profile === null}
                    aria-describedby={`${gapId}-hint`}
                    onChange={(e) => set({ gap: e.target.value })}
                  />
                  <span id={`${gapId}-hint`} className="hint">
                    {t('devices.gap.hint')}
                  </span>
                </div>
              </>
            )}
          </div>
        </fieldset>
        <ErrorMessage error={gapInvalid && profile === null ? t('devices.gap.invalid') : error} />
        <div className="device-actions">
          <Button type="submit" disabled={busy}>
            {busy ? t('devices.saving') : t('devices.save')}
          </Button>
          <Button variant="secondary" className="btn-toggle" aria-pressed={device.testing} onClick={() => void toggleTest()}>
            <span className="toggle-light" aria-hidden="true" />
            {t('devices.liveTest')}
          </Button>
          <p className="device-status" role="status">
            {saved ? t('devices.saved', { name: device.product }) : ''}
          </p>
        </div>
      </form>
      {device.testing && <LiveTest log={log} onClear={() => onClearLog(device.key)} />}
    </article>
  );
}
