import { useId } from 'react';

interface Props {
  label: string;
  hint: string;
  /** Digits as typed; `format` shows them grouped. */
  digits: string;
  /** How the digits are shown; `null` for a secret, shown as dots by the browser itself. */
  format: ((digits: string) => string) | null;
  max: number;
  active: boolean;
  invalid: boolean;
  onActivate: () => void;
  onDigits: (digits: string) => void;
}

/**
 * A field filled from the on-screen keypad. It is a real input, so a hardware keyboard and
 * screen readers work; `inputMode="none"` keeps the system's own keyboard from covering the pad.
 */
export function DigitField({ label, hint, digits, format, max, active, invalid, onActivate, onDigits }: Props) {
  const id = useId();
  return (
    <div className={`field${active ? ' field-active' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type={format ? 'text' : 'password'}
        inputMode="none"
        autoComplete="off"
        spellCheck={false}
        value={format ? format(digits) : digits}
        aria-invalid={invalid}
        aria-describedby={`${id}-hint`}
        onFocus={onActivate}
        onChange={(e) => onDigits(e.target.value.replace(/\D/g, '').slice(0, max))}
      />
      <span id={`${id}-hint`} className="hint">
        {hint}
      </span>
    </div>
  );
}

export const formatPersonalNumber = (d: string) => d.replace(/^(\d{3})(\d{1,3})?(\d{1,6})?$/, (_m, a: string, b?: string, c?: string) => [a, b, c].filter(Boolean).join(' '));
export const formatDate = (d: string) => [d.slice(0, 2), d.slice(2, 4), d.slice(4, 8)].filter(Boolean).join('/');
/** `ddmmyyyy` → `yyyy-mm-dd`; the host checks that the day exists. */
export const digitsToIsoDate = (d: string) => `${d.slice(4, 8)}-${d.slice(2, 4)}-${d.slice(0, 2)}`;
