import { useEffect, useRef } from 'react';

/** A scanner types a key every few ms; a person rarely faster than every 50 ms. */
const MAX_SCANNER_GAP_MS = 35;
const MIN_SCAN_LENGTH = 6;

/**
 * Where a keyboard-mode scanner cannot be read through HID (Windows keeps keyboards to itself),
 * tells a scan from a person by keystroke timing and hands the text over. Only outside text
 * fields: in a field the keys are the person's. A scan ends with Enter.
 */
export function useKeyboardWedge(onScan: (text: string) => void, enabled: boolean): void {
  // The listener stays put while the callback changes (a re-render mid-scan must not lose keys).
  const callback = useRef(onScan);
  callback.current = onScan;
  useEffect(() => {
    if (!enabled) return;
    let buffer = '';
    let last = 0;
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.isContentEditable)) return;
      const now = e.timeStamp;
      const fast = now - last <= MAX_SCANNER_GAP_MS;
      last = now;
      if (e.key === 'Enter') {
        if (buffer.length >= MIN_SCAN_LENGTH && fast) {
          e.preventDefault();
          callback.current(buffer);
        }
        buffer = '';
        return;
      }
      if (e.key.length !== 1) return;
      // Keys of a burst are the scanner's: they must not press the focused button.
      if (fast && buffer !== '') e.preventDefault();
      buffer = fast || buffer === '' ? buffer + e.key : e.key;
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [enabled]);
}
