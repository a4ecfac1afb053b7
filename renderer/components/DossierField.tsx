import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isPlaceField, placeToday, type CorrectionRequest, type DraftField, type DraftValue, type FormField, type Language } from '../../electron/contract';
import { Button } from './Button';
import { DateInput } from './DateInput';
import type { FieldChoices } from './field-choices';
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
  /** The usual answers of a text field, offered as choices on the kiosk. */
  choices?: FieldChoices | null;
  /** Opens the kiosk's on-screen keyboard on this field (a touch on it). */
  onType?: () => void;
}

/** How a value reads on screen: dates the Vietnamese way, options and yes/no by their labels, a merged province with where it is now. */
export function displayValue(field: FormField, value: DraftValue, lang: Language, yesNo: { yes: string; no: string }): string {
  if (value === null || value === '') return '';
  if (typeof value === 'boolean') return value ? yesNo.yes : yesNo.no;
  if (field.type === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatIsoDate(value);
  if (field.type === 'select') return field.options?.find((o) => o.value === value)?.label[lang] ?? value;
  return isPlaceField(field.id) ? placeToday(value) : value;
}

/**
 * One field of a prepared dossier: its value, where it comes from, and what is wrong with it.
 * A government-verified value is read-only with a lock; the citizen may ask for a correction.
 */
export function DossierField({ field, draftField, value, problem, missing, variant, lang, correction, onChange, onCorrection, choices, onType }: Props) {
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
    const input = (
      <input
        {...common}
        type="text"
        // The kiosk types with its own keyboard; a touch screen's system keyboard stays away.
        inputMode={onType ? 'none' : field.type === 'personalNumber' ? 'numeric' : undefined}
        onClick={onType}
        // Under its choices, the field is the "other" answer: its name says so.
        aria-labelledby={choices && !locked ? `${id}-label ${id}-other` : undefined}
        autoComplete="off"
        spellCheck={false}
        value={typeof value === 'string' ? value : ''}
        onChange={(e) => onChange(e.target.value)}
      />
    );
    control = choices && !locked ? <TextChoices id={id} choices={choices} value={value} lang={lang} onChange={onChange} input={input} /> : input;
  }

  const classes = ['dfield', `dfield-${variant}`, `dfield-${field.type}`, locked ? 'is-locked' : '', problem ? 'is-invalid' : '', missing && !problem ? 'is-missing' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div className={classes}>
      <div className="dfield-head">
        {(radios || choices) && !locked ? (
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

/** The usual answers as big choices, the rest behind "more", and the text field under them for any other answer. */
function TextChoices({ id, choices, value, lang, onChange, input }: { id: string; choices: FieldChoices; value: DraftValue; lang: Language; onChange: (v: DraftValue) => void; input: ReactNode }) {
  const { t } = useTranslation();
  const [more, setMore] = useState(() => choices.more.some((c) => c.vi === value));
  const shown = more ? [...choices.common, ...choices.more] : choices.common;
  return (
    <>
      <div className="choices" role="radiogroup" aria-labelledby={`${id}-label`}>
        {shown.map((c) => (
          <label key={c.vi} className="choice">
            <input type="radio" name={`${id}-choice`} value={c.vi} checked={value === c.vi} onChange={() => onChange(c.vi)} />
            <span>{lang === 'vi' || c.en === c.vi ? c.vi : `${c.vi} (${c.en})`}</span>
          </label>
        ))}
        {choices.more.length > 0 && !more && (
          <Button variant="secondary" className="btn-small" onClick={() => setMore(true)}>
            {t('vkb.more')}
          </Button>
        )}
      </div>
      <div className="choice-other">
        <span id={`${id}-other`} className="hint">
          {t('vkb.other')}
        </span>
        {input}
      </div>
    </>
  );
}
