import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorData, CitizenQuery } from '../../electron/contract';
import { Button } from '../components/Button';
import { DigitField, digitsToIsoDate, formatDate, formatPersonalNumber } from '../components/DigitField';

/** yyyy-mm-dd → the ddmmyyyy digits the date field holds. */
const isoDateToDigits = (iso: string) => iso.split('-').reverse().join('');
import { ErrorMessage } from '../components/ErrorMessage';
import { applyKey, Keypad } from '../components/Keypad';
import { KioskNav } from './KioskNav';

type FieldName = 'personalNumber' | 'birthDate' | 'cardIssueDate';

const FIELDS: { name: FieldName; max: number; format: (d: string) => string }[] = [
  { name: 'personalNumber', max: 12, format: formatPersonalNumber },
  { name: 'birthDate', max: 8, format: formatDate },
  { name: 'cardIssueDate', max: 8, format: formatDate },
];

/** What the citizen already gave, when they come back only to add the card's issue date. */
export interface IdentifyInitial {
  personalNumber: string;
  birthDate: string;
}

interface Props {
  initial?: IdentifyInitial;
  busy: boolean;
  error: AppErrorData | null;
  onSubmit: (query: CitizenQuery) => void;
  onBack: () => void;
}

export function IdentifyScreen({ initial, busy, error, onSubmit, onBack }: Props) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Record<FieldName, string>>({
    personalNumber: initial?.personalNumber ?? '',
    birthDate: initial ? isoDateToDigits(initial.birthDate) : '',
    cardIssueDate: '',
  });
  const [active, setActive] = useState<FieldName>(initial ? 'cardIssueDate' : 'personalNumber');
  const [incomplete, setIncomplete] = useState(false);

  const set = (name: FieldName, digits: string) => {
    setValues((v) => ({ ...v, [name]: digits }));
    const field = FIELDS.find((f) => f.name === name)!;
    // Move on by itself once a field is full, as a paper form's boxes would.
    const next = FIELDS[FIELDS.indexOf(field) + 1];
    if (digits.length === field.max && next) setActive(next.name);
  };

  const submit = () => {
    const complete = values.personalNumber.length === 12 && values.birthDate.length === 8;
    setIncomplete(!complete);
    if (!complete) return;
    onSubmit({
      personalNumber: values.personalNumber,
      birthDate: digitsToIsoDate(values.birthDate),
      ...(values.cardIssueDate.length === 8 ? { cardIssueDate: digitsToIsoDate(values.cardIssueDate) } : {}),
    });
  };

  return (
    <section className="identify" aria-labelledby="identify-title">
      <h1 id="identify-title">{t('identify.title')}</h1>
      <div className="identify-grid">
        <form
          id="identify-form"
          className="identify-fields"
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          {FIELDS.map((f) => (
            <DigitField
              key={f.name}
              label={t(`identify.${f.name}`)}
              hint={t(`identify.${f.name}Hint`)}
              digits={values[f.name]}
              format={f.format}
              max={f.max}
              active={active === f.name}
              invalid={error?.fields?.includes(f.name) ?? false}
              onActivate={() => setActive(f.name)}
              onDigits={(d) => set(f.name, d)}
            />
          ))}
          <ErrorMessage error={incomplete ? t('identify.incomplete') : error} />
        </form>
        <Keypad onKey={(key) => set(active, applyKey(values[active], key, FIELDS.find((f) => f.name === active)!.max))} />
      </div>
      <KioskNav
        onBack={onBack}
        backHint={t('kioskUi.toStart')}
        main={
          <Button type="submit" form="identify-form" className="btn-hero" disabled={busy}>
            {busy ? t('identify.checking') : t('identify.submit')}
          </Button>
        }
      />
    </section>
  );
}
