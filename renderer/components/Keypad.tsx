import { useTranslation } from 'react-i18next';

export type KeypadKey = string | 'backspace' | 'clear';

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

/** On-screen number pad for the touch kiosk; a hardware keyboard works too. */
export function Keypad({ onKey }: { onKey: (key: KeypadKey) => void }) {
  const { t } = useTranslation();
  return (
    <div className="keypad" role="group" aria-label={t('keypad.label')}>
      {DIGITS.map((d) => (
        <button key={d} type="button" className="key" onClick={() => onKey(d)}>
          {d}
        </button>
      ))}
      <button type="button" className="key key-action" onClick={() => onKey('clear')}>
        {t('keypad.clear')}
      </button>
      <button type="button" className="key" onClick={() => onKey('0')}>
        0
      </button>
      <button type="button" className="key key-action" aria-label={t('keypad.backspace')} onClick={() => onKey('backspace')}>
        ⌫
      </button>
    </div>
  );
}

/** Applies a key to a digit string of at most `max` digits. */
export function applyKey(value: string, key: KeypadKey, max: number): string {
  if (key === 'backspace') return value.slice(0, -1);
  if (key === 'clear') return '';
  return /^\d$/.test(key) && value.length < max ? value + key : value;
}
