import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorData, QueueServiceSetup } from '../../electron/contract';
import { Button } from '../components/Button';
import { ErrorMessage } from '../components/ErrorMessage';
import { api } from '../transport';

/** A service as edited: procedures and counters as typed (comma-separated), split when saved. */
interface Row {
  id: string;
  prefix: string;
  nameVi: string;
  nameEn: string;
  procedures: string;
  counters: string;
}

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('');
const toRow = (s: QueueServiceSetup): Row => ({ id: s.id, prefix: s.prefix, nameVi: s.name.vi, nameEn: s.name.en, procedures: s.procedures.join(', '), counters: s.counters.join(', ') });
const list = (text: string) => text.split(/[,;\s]+/).filter(Boolean);
const toService = (r: Row): QueueServiceSetup => ({ id: r.id, prefix: r.prefix, name: { vi: r.nameVi, en: r.nameEn }, procedures: list(r.procedures), counters: list(r.counters) });

/** A new service takes the first free letter, and an id from it that no service has (ids name the tickets' service). */
function newRow(rows: Row[]): Row {
  const prefix = LETTERS.find((l) => !rows.some((r) => r.prefix === l)) ?? 'Z';
  let id = `dich-vu-${prefix.toLowerCase()}`;
  for (let n = 2; rows.some((r) => r.id === id); n++) id = `dich-vu-${prefix.toLowerCase()}-${n}`;
  return { id, prefix, nameVi: '', nameEn: '', procedures: '', counters: '' };
}

const FIELDS = [
  { key: 'nameVi', field: 'name.vi', label: 'queueServices.nameVi', lang: 'vi' },
  { key: 'nameEn', field: 'name.en', label: 'queueServices.nameEn', lang: 'en' },
  { key: 'procedures', field: 'procedures', label: 'queueServices.procedures', hint: 'queueServices.proceduresHint' },
  { key: 'counters', field: 'counters', label: 'queueServices.counters', hint: 'queueServices.countersHint' },
] as const;

/** The centre's queue services, held on the hub: the technician names them, groups procedures, chooses the counters. */
export function QueueServicesPanel() {
  const { t } = useTranslation();
  const id = useId();
  const [rows, setRows] = useState<Row[] | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    void api.invoke('queue.serviceSetup', {}).then((r) => (r.ok ? setRows(r.value.services.map(toRow)) : setError(r.error)));
  }, []);

  const heading = <h2 id={`${id}-title`}>{t('queueServices.title')}</h2>;
  if (!rows)
    return (
      <section className="devices queue-services" aria-labelledby={`${id}-title`}>
        {heading}
        {/* Not an alarm: most machines set up here are not the one the services are set from. */}
        {error?.code === 'HUB_NOT_PAIRED' ? <p className="hint">{t('queueServices.unpaired')}</p> : <ErrorMessage error={error} />}
      </section>
    );

  const change = (i: number, c: Partial<Row>) => {
    setRows(rows.map((r, j) => (j === i ? { ...r, ...c } : r)));
    setSaved(false);
  };
  const save = async () => {
    const r = await api.invoke('queue.setServiceSetup', { services: rows.map(toService) });
    setError(r.ok ? null : r.error);
    setSaved(r.ok);
    if (r.ok) setRows(r.value.services.map(toRow));
  };
  // The host names the wrong fields as `services.2.name.vi`.
  const invalid = (i: number, field: string) => error?.fields?.some((f) => f === `services.${i}.${field}` || f.startsWith(`services.${i}.${field}.`)) ?? false;

  return (
    <section className="devices queue-services" aria-labelledby={`${id}-title`}>
      {heading}
      <p className="hint">{t('queueServices.intro')}</p>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        {rows.map((row, i) => (
          <fieldset key={i} className="device-fields queue-service">
            <legend>{t('queueServices.service', { letter: row.prefix, name: row.nameVi || t('queueServices.unnamed') })}</legend>
            <div className="device-field">
              <label htmlFor={`${id}-${i}-prefix`}>{t('queueServices.prefix')}</label>
              <select id={`${id}-${i}-prefix`} value={row.prefix} aria-invalid={invalid(i, 'prefix')} onChange={(e) => change(i, { prefix: e.target.value })}>
                {LETTERS.map((l) => (
                  <option key={l} value={l}>
                    {l}
                  </option>
                ))}
              </select>
            </div>
            {FIELDS.map((f) => (
              <div key={f.key} className="device-field">
                <label htmlFor={`${id}-${i}-${f.key}`}>{t(f.label)}</label>
                <input
                  id={`${id}-${i}-${f.key}`}
                  type="text"
                  {...('lang' in f ? { lang: f.lang } : {})}
                  maxLength={f.key === 'procedures' ? 2000 : 120}
                  value={row[f.key]}
                  aria-invalid={invalid(i, f.field)}
                  {...('hint' in f ? { 'aria-describedby': `${id}-${i}-${f.key}-hint` } : {})}
                  onChange={(e) => change(i, { [f.key]: e.target.value })}
                />
                {'hint' in f && (
                  <span id={`${id}-${i}-${f.key}-hint`} className="hint">
                    {t(f.hint)}
                  </span>
                )}
              </div>
            ))}
            <div className="device-actions">
              <Button variant="secondary" disabled={rows.length === 1} onClick={() => (setRows(rows.filter((_, j) => j !== i)), setSaved(false))}>
                {t('queueServices.remove')}
              </Button>
            </div>
          </fieldset>
        ))}
        <div className="device-actions">
          <Button variant="secondary" disabled={rows.length >= LETTERS.length} onClick={() => (setRows([...rows, newRow(rows)]), setSaved(false))}>
            {t('queueServices.add')}
          </Button>
          <Button type="submit">{t('queueServices.save')}</Button>
          {saved && (
            <p className="device-status" role="status">
              {t('queueServices.saved')}
            </p>
          )}
        </div>
      </form>
      <ErrorMessage error={error} />
    </section>
  );
}
