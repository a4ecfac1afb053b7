import { ScanFramer, type FramingProfile } from './framing';
import { KeyboardDecoder } from './keyboard-decoder';
import type { KeyboardLayout } from './layout';
import { US_LAYOUT } from './layouts/us';
import { DEFAULT_PACKET_GAP_MS, PosDecoder } from './pos-decoder';
import { scanError, type ScanEvent, type ScanMode } from './scan';

const LAYOUTS = { us: US_LAYOUT } satisfies Record<string, KeyboardLayout>;
export type LayoutName = keyof typeof LAYOUTS;

export interface PipelineOptions {
  layout?: LayoutName;
  suffix?: FramingProfile['suffix'];
  interKeyGapMs?: number;
  packetGapMs?: number;
}

/** Scanners type a whole scan in a few ms per key; 100 ms also rides out a busy event loop. */
export const DEFAULT_INTER_KEY_GAP_MS = 100;

interface Mode {
  push(report: Uint8Array, at: number): ScanEvent[];
  flush(now: number): ScanEvent[];
  abort(): ScanEvent[];
}

/**
 * Reports in, scan events out, for one device: the keyboard decoder and framer, or the HID-POS
 * decoder. Shared by the live reader and the file decoder so both decode alike.
 */
export class ScanPipeline {
  private readonly mode: Mode;

  constructor(mode: ScanMode, options: PipelineOptions = {}) {
    this.mode = mode === 'pos' ? new PosDecoder(options.packetGapMs ?? DEFAULT_PACKET_GAP_MS) : keyboardMode(options);
  }

  push(report: Uint8Array, at: number): ScanEvent[] {
    return this.mode.push(report, at);
  }

  /** Call from a timer: ends what the gap has ended by `now`. */
  flush(now: number): ScanEvent[] {
    return this.mode.flush(now);
  }

  /** The device went away: a scan in progress is reported incomplete. */
  abort(): ScanEvent[] {
    return this.mode.abort();
  }
}

function keyboardMode(options: PipelineOptions): Mode {
  const decoder = new KeyboardDecoder(LAYOUTS[options.layout ?? 'us']);
  const framer = new ScanFramer({
    suffix: options.suffix ?? 'enter',
    interKeyGapMs: options.interKeyGapMs ?? DEFAULT_INTER_KEY_GAP_MS,
  });
  return {
    push(report, at) {
      const decoded = decoder.decode(report);
      if (!decoded.ok) {
        const ended = framer.flush(at);
        framer.drop(at); // a key may be missing from the scan in progress
        return [...ended, scanError('bad-report', decoded.detail)];
      }
      return decoded.chars.flatMap((char) => framer.push(char, at));
    },
    flush: (now) => framer.flush(now),
    abort: () => framer.abort(),
  };
}
