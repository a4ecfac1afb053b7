import { useBoth, Bilingual } from '../components/Bilingual';
import { TEXT_SIZES, type DisplayPrefs } from './useDisplayPrefs';

/** Text size in three steps and high contrast, on every kiosk screen; the chosen one carries a tick, not just a colour. */
export function DisplayControls({ prefs, onChange }: { prefs: DisplayPrefs; onChange: (change: Partial<DisplayPrefs>) => void }) {
  const both = useBoth();
  const sizeLabel = both('kioskUi.textSize');
  return (
    <div className="display-controls">
      <div className="text-size" role="group" aria-label={`${sizeLabel.vi} / ${sizeLabel.en}`}>
        <Bilingual className="display-label" text={sizeLabel} />
        {TEXT_SIZES.map((size, i) => {
          const name = both(`kioskUi.size.${size}`);
          return (
            <button
              key={size}
              type="button"
              className={`btn btn-secondary btn-display size-${size}`}
              aria-pressed={prefs.textSize === size}
              aria-label={`${name.vi} / ${name.en}`}
              onClick={() => onChange({ textSize: size })}
            >
              <span aria-hidden="true" className="tick">
                {prefs.textSize === size ? '✓' : ''}
              </span>
              <span aria-hidden="true">{'A' + '+'.repeat(i)}</span>
            </button>
          );
        })}
      </div>
      <button
        type="button"
        className="btn btn-secondary btn-display btn-contrast"
        aria-pressed={prefs.highContrast}
        onClick={() => onChange({ highContrast: !prefs.highContrast })}
      >
        <span aria-hidden="true" className="tick">
          {prefs.highContrast ? '✓' : ''}
        </span>
        <span aria-hidden="true" className="contrast-icon">
          ◐
        </span>
        <Bilingual text={both('kioskUi.highContrast')} />
      </button>
    </div>
  );
}
