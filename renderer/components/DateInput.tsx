import { useEffect, useState, type InputHTMLAttributes } from 'react';
import { digitsToIsoDate, formatDate } from './DigitField';
import { formatIsoDate } from './format-date';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type'> & {
  /** `yyyy-mm-dd` once complete; what was typed so far otherwise; null when empty. */
  value: string | null;
  onValue: (value: string | null) => void;
};

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A date typed day first, as Vietnamese documents write it (dd/mm/yyyy), whatever the browser's
 * locale: the slashes come by themselves, the number pad opens on a touch screen, and the value
 * is an ISO date once eight digits are in (the shared validator then says whether the day exists).
 */
export function DateInput({ value, onValue, ...rest }: Props) {
  const [text, setText] = useState(() => (value && ISO.test(value) ? formatIsoDate(value) : (value ?? '')));
  // A value set from outside (a saved draft, a cleared form) replaces what is shown.
  useEffect(() => {
    const shown = text.replace(/\D/g, '').length === 8 ? digitsToIsoDate(text.replace(/\D/g, '')) : text === '' ? null : text;
    if (value !== shown) setText(value && ISO.test(value) ? formatIsoDate(value) : (value ?? ''));
    // Only a value from outside replaces the text; the text typed so far is read, not a trigger.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);
  return (
    <input
      {...rest}
      type="text"
      inputMode="numeric"
      autoComplete="off"
      maxLength={10}
      value={text}
      onChange={(e) => {
        const digits = e.target.value.replace(/\D/g, '').slice(0, 8);
        const shown = formatDate(digits);
        setText(shown);
        onValue(digits.length === 8 ? digitsToIsoDate(digits) : digits.length === 0 ? null : shown);
      }}
    />
  );
}
