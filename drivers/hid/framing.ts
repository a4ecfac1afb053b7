import { MAX_SCAN_BYTES, scanError, utf8Length, type ScanEvent } from './scan';

/** How a keyboard-mode scanner marks the end of a scan; set in the scanner's own configuration. */
export interface FramingProfile {
  suffix: 'enter' | 'tab' | 'none';
  /** Scanners type a scan in one burst; a longer pause than this ends the scan. */
  interKeyGapMs: number;
}

const SUFFIX_CHAR = { enter: '\n', tab: '\t', none: undefined } as const;

interface OpenScan {
  chars: string[];
  bytes: number;
  lastAt: number;
  /** Too long or damaged: the rest of it is swallowed, so its tail cannot pass for a scan. */
  dropping: boolean;
}

/**
 * Cuts the characters of a keyboard-mode scanner into scans. Pure logic: times are passed in,
 * and the owner calls `flush(now)` from its own timer so a scan ended by the gap alone comes out.
 * The suffix is not part of the text; a suffix with nothing before it yields nothing.
 */
export class ScanFramer {
  private open: OpenScan | null = null;
  private readonly suffixChar: string | undefined;

  constructor(private readonly profile: FramingProfile) {
    this.suffixChar = SUFFIX_CHAR[profile.suffix];
  }

  push(char: string, at: number): ScanEvent[] {
    const events = this.flush(at);
    if (char === this.suffixChar) return [...events, ...this.close()];
    const scan = (this.open ??= { chars: [], bytes: 0, lastAt: at, dropping: false });
    scan.lastAt = at;
    if (scan.dropping) return events;
    scan.bytes += utf8Length(char);
    if (scan.bytes > MAX_SCAN_BYTES) {
      this.drop(at);
      return [...events, scanError('too-long', `keyboard scan over ${MAX_SCAN_BYTES} bytes`)];
    }
    scan.chars.push(char);
    return events;
  }

  /** Ends the open scan if the inter-key gap has passed by `now`. */
  flush(now: number): ScanEvent[] {
    if (this.open === null || now - this.open.lastAt <= this.profile.interKeyGapMs) return [];
    return this.close();
  }

  /** A report was lost or damaged: the scan it belonged to is dropped up to its end (suffix or gap). */
  drop(at: number): void {
    this.open = { chars: [], bytes: 0, lastAt: at, dropping: true };
  }

  /** The stream broke (device lost): what was typed so far is not a whole scan. */
  abort(): ScanEvent[] {
    const scan = this.open;
    this.open = null;
    return scan !== null && !scan.dropping && scan.chars.length > 0
      ? [scanError('incomplete', `keyboard scan cut after ${scan.bytes} bytes`)]
      : [];
  }

  private close(): ScanEvent[] {
    const scan = this.open;
    this.open = null;
    if (scan === null || scan.dropping || scan.chars.length === 0) return [];
    return [{ kind: 'scan', text: scan.chars.join(''), asciiOnly: true, bytes: scan.bytes }];
  }
}
