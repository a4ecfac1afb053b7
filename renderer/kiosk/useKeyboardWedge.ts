import { useEffect, useRef } from 'react';

/** A scanner types a key every few ms; a person rarely faster than every 50 ms on average. */
const MAX_SCANNER_MEAN_GAP_MS = 35;
/** A pause this long starts a new burst: a stalled event loop may delay a key, not this much. */
const BURST_BREAK_MS = 300;
const MIN_SCAN_LENGTH = 6;

/**
 * Where a keyboard-mode scanner cannot be read through HID (Windows keeps keyboards to itself),
 * tells a scan from a person by keystroke timing and hands the text over. Only outside text
 * fields: in a field the keys are the person's. A scan ends with Enter; it is judged by the mean
 * gap over the burst, so one key delayed by a busy machine does not break it.
 */
export function useKeyboardWedge(onScan: (text: string) => void, enabled: boolean): void {
  // The listener stays put while the callback changes (a re-render mid-scan must not lose keys).
  const callback = useRef(onScan);
  callback.current = onScan;
  useEffect(() => {
    if (!enabled) return;
    let buffer = '';
    let first = 0;
    let last = 0;
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.isContentEditable)) return;
      const now = e.timeStamp;
      if (now - last > BURST_BREAK_MS) buffer = '';
      last = now;
      if (e.key === 'Enter') {
        const meanGap = (now - first) / Math.max(1, buffer.length);
        if (buffer.length >= MIN_SCAN_LENGTH && meanGap <= MAX_SCANNER_MEAN_GAP_MS) {
          e.preventDefault();
          callback.current(buffer);
        }
        buffer = '';
        return;
      }
      if (e.key.length !== 1) return;
      if (buffer === '') first = now;
      // Keys after the first of a burst are (probably) the scanner's: they must not press the focused button.
      else if (now - first <= buffer.length * MAX_SCANNER_MEAN_GAP_MS) e.preventDefault();
      buffer += e.key;
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [enabled]);
}
