import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CorrectionRequest, DraftField, DraftValue, FormField, Language } from '../../electron/contract';
import { Button } from './Button';
import { DateInput } from './DateInput';
import { formatIsoDate } from './format-date';
import { LockIcon, ProvenanceBadge } from './ProvenanceBadge';

interface Props {
  field: FormField;
  draftField: DraftField | undefined;
  value: DraftValue;
  /** The validator's message, shown at the field. */
  problem: string | null;
  /** Required and still empty: prompted, not yet an error. */
  missing: boolean;
  variant: 'kiosk' | 'counter';
  lang: Language;
  correction: CorrectionRequest | undefined;
  onChange: (value: DraftValue) => void;
  /** Files a correction request for a locked value; resolves to whether it was recorded. */
  onCorrection: (requestedValue: string, note: string) => Promise<boolean>;
}

/** How a value reads on screen: dates the Vietnamese way, options and yes/no by their labels. */
export function displayValue(field: FormField, value: DraftValue, lang: Language, yesNo: { yes: string; no: string }): string {
  if (value === null || value === '') return '';
  if (typeof value === 'boolean') return value ? yesNo.yes : yesNo.no;
  if (field.type === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatIsoDate(value);
  if (field.type === 'select') return field.options?.find((o) => o.value === value)?.label[lang] ?? value;
  return value;
}

/**
 * One field of a prepared dossier: its value, where it comes from, and what is wrong with it.
 * A government-verified value is read-only with a lock; the citizen may ask for a correction.
 */
export function DossierField({ field, draftField, value, problem, missing, variant, lang, correction, onChange, onCorrection }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const locked = draftField?.locked ?? false;
  const source = locked ? (draftField?.source ?? null) : value === null || value === '' ? null : (draftField?.source ?? 'entered');
  const hint = field.hint?.[lang];
  const described = [
    source ? `${id}-prov` : '',
    locked ? `${id}-lock` : '',
    hint ? `${id}-hint` : '',
    problem ? `${id}-err` : missing ? `${id}-missing` : '',
  ]
    .filter(Boolean)
    .join(' ');
  const common = {
    id,
    'aria-describedby': described || undefined,
    'aria-invalid': problem !== null,
    'aria-required': field.required,
    'data-field': field.id,
  };
  const yesNo = { yes: t('dossier.yes'), no: t('dossier.no') };
  const radios = variant === 'kiosk' && field.type === 'select';

  let control;
  if (locked) {
    control = (
      <div className="dfield-locked">
        <LockIcon />
        <input {...common} type="text" readOnly aria-invalid={undefined} value={displayValue(field, value, lang, yesNo)} />
      </div>
    );
  } else if (field.type === 'select' && radios) {
    control = (
      <div className="choices" role="radiogroup" aria-labelledby={`${id}-label`} aria-describedby={common['aria-describedby']} aria-invalid={problem !== null}>
        {field.options!.map((o) => (
          <label key={o.value} className="choice">
            <input type="radio" name={id} value={o.value} checked={value === o.value} data-field={field.id} onChange={() => onChange(o.value)} />
            <span>{o.label[lang]}</span>
          </label>
        ))}
      </div>
    );
  } else if (field.type === 'select') {
    control = (
      <select {...common} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)}>
        <option value="">{t('dossier.choose')}</option>
        {field.options!.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label[lang]}
          </option>
        ))}
      </select>
    );
  } else if (field.type === 'boolean') {
    control = (
      <span className="choice choice-single">
        <input {...common} type="checkbox" checked={value === true} onChange={(e) => onChange(e.target.checked)} />
        <span aria-hidden="true">{value === true ? yesNo.yes : yesNo.no}</span>
      </span>
    );
  } else if (field.type === 'date') {
    control = <DateInput {...common} placeholder={t('dossier.datePlaceholder')} value={typeof value === 'string' ? value : null} onValue={onChange} />;
  } else {
    control = (
      <input
        {...common}
        type="text"
        inputMode={field.type === 'personalNumber' ? 'numeric' : undefined}
        autoComplete="off"
        spellCheck={false}
        value={typeof value === 'string' ? value : ''}
        onChange={(e) => onChange(e.target.value)}
      />
    );
  }

  const classes = ['dfield', `dfield-${variant}`, `dfield-${field.type}`, locked ? 'is-locked' : '', problem ? 'is-invalid' : '', missing && !problem ? 'is-missing' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div className={classes}>
      <div className="dfield-head">
        {radios && !locked ? (
          <span id={`${id}-label`} className="dfield-label">
            {field.label[lang]}
          </span>
        ) : (
          <label id={`${id}-label`} htmlFor={id} className="dfield-label">
            {field.label[lang]}
          </label>
        )}
        {field.required && !locked && <span className="req">{t('dossier.required')}</span>}
        {source && (
          <span id={`${id}-prov`}>
            <ProvenanceBadge source={source} lang={lang} />
          </span>
        )}
      </div>
      {control}
      {draftField?.presumed && !locked && <p className="hint">{t('dossier.presumed')}</p>}
      {locked && (
        <p id={`${id}-lock`} className={variant === 'counter' ? 'sr-only' : 'dfield-lock-note'}>
          {t('dossier.locked')}
        </p>
      )}
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      {problem ? (
        <p id={`${id}-err`} className="field-error">
          {problem}
        </p>
      ) : (
        missing && (
          <p id={`${id}-missing`} className="field-prompt">
            {t('dossier.missing')}
          </p>
        )
      )}
      {locked && <Correction field={field} lang={lang} variant={variant} correction={correction} onCorrection={onCorrection} />}
    </div>
  );
}

function Correction({
  field,
  lang,
  variant,
  correction,
  onCorrection,
}: Pick<Props, 'field' | 'lang' | 'variant' | 'correction' | 'onCorrection'>) {
  const { t } = useTranslation();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [requested, setRequested] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  if (!open) {
    return (
      <div className="correction">
        {correction && (
          <p className="notice" role="status">
            {t('dossier.correctionSent')}{' '}
            {correction.requestedValue !== null && `«${displayValue(field, correction.requestedValue, lang, { yes: t('dossier.yes'), no: t('dossier.no') })}»`}
          </p>
        )}
        <Button variant="secondary" className={`btn-small btn-${variant}`} onClick={() => setOpen(true)} aria-label={`${t('dossier.requestCorrection')}: ${field.label[lang]}`}>
          {t('dossier.requestCorrection')}
        </Button>
      </div>
    );
  }
  const send = async () => {
    if (requested.trim() === '') return;
    setBusy(true);
    const ok = await onCorrection(requested.trim(), note.trim());
    setBusy(false);
    if (ok) setOpen(false);
  };
  return (
    <div className="correction correction-open" role="group" aria-label={`${t('dossier.requestCorrection')}: ${field.label[lang]}`}>
      <label htmlFor={`${id}-value`}>{t('dossier.correctionValue')}</label>
      {field.type === 'date' ? (
        <DateInput id={`${id}-value`} placeholder={t('dossier.datePlaceholder')} value={requested || null} onValue={(v) => setRequested(v ?? '')} />
      ) : (
        <input id={`${id}-value`} type="text" value={requested} onChange={(e) => setRequested(e.target.value)} autoComplete="off" />
      )}
      <label htmlFor={`${id}-note`}>{t('dossier.correctionNote')}</label>
      <input id={`${id}-note`} type="text" value={note} onChange={(e) => setNote(e.target.value)} autoComplete="off" />
      <div className="actions">
        <Button variant="secondary" onClick={() => setOpen(false)}>
          {t('dossier.correctionCancel')}
        </Button>
        <Button disabled={busy || requested.trim() === ''} onClick={() => void send()}>
          {t('dossier.correctionSend')}
        </Button>
      </div>
    </div>
  );
}
