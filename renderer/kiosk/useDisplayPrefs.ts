import { useCallback, useEffect, useState } from 'react';

export const TEXT_SIZES = ['normal', 'large', 'larger'] as const;
export type TextSize = (typeof TEXT_SIZES)[number];

export interface DisplayPrefs {
  textSize: TextSize;
  highContrast: boolean;
}

export const DEFAULT_DISPLAY: DisplayPrefs = { textSize: 'normal', highContrast: false };

/**
 * The citizen's text size and contrast, applied to the whole page (header included) through
 * attributes on <html> that styles.css reads; taken off again when the kiosk screen goes.
 */
export function useDisplayPrefs(): [DisplayPrefs, (change: Partial<DisplayPrefs>) => void, () => void] {
  const [prefs, setPrefs] = useState<DisplayPrefs>(DEFAULT_DISPLAY);
  useEffect(() => {
    const root = document.documentElement;
    root.dataset.textSize = prefs.textSize;
    root.dataset.contrast = prefs.highContrast ? 'high' : 'normal';
    return () => {
      delete root.dataset.textSize;
      delete root.dataset.contrast;
    };
  }, [prefs]);
  const change = useCallback((c: Partial<DisplayPrefs>) => setPrefs((p) => ({ ...p, ...c })), []);
  const reset = useCallback(() => setPrefs(DEFAULT_DISPLAY), []);
  return [prefs, change, reset];
}
