import { useEffect, useRef, useState } from 'react';
import { Bilingual, useBoth } from './Bilingual';
import { applyTone, TONES, type Tone } from './vietnamese-tones';

/** The Vietnamese alphabet in the order taught at school, then the letters only foreign names use. */
const ROWS = [[...'aăâbcdđeê'], [...'ghiklmnoôơ'], [...'pqrstuưvxy'], [...'fjwz', ',', '.', '-', '/']];
const DIGITS = [...'1234567890'];
/** Each mark shown on a vowel, as people name it. */
const TONE_KEYS: Record<Tone, { sample: string; vi: string }> = {
  grave: { sample: 'à', vi: 'huyền' },
  acute: { sample: 'á', vi: 'sắc' },
  hook: { sample: 'ả', vi: 'hỏi' },
  tilde: { sample: 'ã', vi: 'ngã' },
  dot: { sample: 'ạ', vi: 'nặng' },
};

interface Props {
  /** The field being typed into, shown above the keys with what it holds so far. */
  label: string;
  value: string;
  maxLength?: number;
  /** Names take a capital on every word; other text on its first letter. */
  capitalise: 'words' | 'first';
  onChange: (value: string) => void;
  onDone: () => void;
}

/**
 * An on-screen keyboard for a touch kiosk: every Vietnamese letter on its own key in alphabet
 * order (ă, â, đ, ê, ô, ơ, ư need no combination), and the five tone marks as big keys put on the
 * word just typed, as one writes them by hand. Nothing to learn first, unlike Telex or VNI.
 */
export function VietKeyboard({ label, value, maxLength, capitalise, onChange, onDone }: Props) {
  const both = useBoth();
  const [shift, setShift] = useState(false);
  const done = useRef<HTMLButtonElement>(null);
  // Chromium's scroll calls return a promise, which an effect must not return.
  useEffect(() => {
    done.current?.scrollIntoView({ block: 'nearest' });
  }, []);
  const atWordStart = value === '' || value.endsWith(' ');
  const upper = shift || (capitalise === 'words' ? atWordStart : value === '');
  const put = (text: string) => {
    if (maxLength !== undefined && [...value].length >= maxLength) return;
    onChange(value + text);
    setShift(false);
  };
  const key = (ch: string) => {
    const shown = upper ? ch.toUpperCase() : ch;
    return (
      <button key={ch} type="button" className="vkey" onClick={() => put(shown)}>
        {shown}
      </button>
    );
  };
  const title = both('vkb.title');
  return (
    <div className="vkb" role="group" aria-label={`${title.vi} / ${title.en}`}>
      <div className="vkb-head">
        <span className="vkb-label">{label}</span>
        <output className="vkb-value" aria-live="polite">
          {value}
          <span className="vkb-caret" aria-hidden="true" />
        </output>
      </div>
      <div className="vkb-keys">
        <div className="vkb-row vkb-digits">{DIGITS.map((d) => key(d))}</div>
        {ROWS.map((row, i) => (
          <div key={i} className="vkb-row">
            {row.map((ch) => key(ch))}
          </div>
        ))}
        <div className="vkb-row vkb-tones" role="group" aria-label={both('vkb.tones').vi}>
          {TONES.map((tone) => (
            <button key={tone} type="button" className="vkey vkey-tone" aria-label={`${both('vkb.tone').vi} ${TONE_KEYS[tone].vi}`} onClick={() => onChange(applyTone(value, tone))}>
              <span className="vkey-sample" aria-hidden="true">
                {TONE_KEYS[tone].sample}
              </span>
              <span className="vkey-name" aria-hidden="true">
                {TONE_KEYS[tone].vi}
              </span>
            </button>
          ))}
        </div>
        <div className="vkb-row vkb-actions">
          <button type="button" className="vkey vkey-wide" aria-pressed={shift} onClick={() => setShift((s) => !s)}>
            <Bilingual text={both('vkb.shift')} />
          </button>
          <button type="button" className="vkey vkey-space" onClick={() => put(' ')}>
            <Bilingual text={both('vkb.space')} />
          </button>
          <button type="button" className="vkey vkey-wide" onClick={() => onChange([...value].slice(0, -1).join(''))}>
            <Bilingual text={both('vkb.backspace')} />
          </button>
          <button ref={done} type="button" className="vkey vkey-wide vkey-done" onClick={onDone}>
            <Bilingual text={both('vkb.done')} />
          </button>
        </div>
      </div>
    </div>
  );
}
