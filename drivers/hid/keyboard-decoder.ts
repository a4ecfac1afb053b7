import type { KeyboardLayout } from './layout';

const BOOT_REPORT_LENGTH = 8;
const SHIFT_BITS = 0x02 | 0x20; // left and right shift in the modifier byte
const ERROR_ROLL_OVER = 0x01;
const CAPS_LOCK = 0x39;

export type KeyboardDecodeResult = { ok: true; chars: string[] } | { ok: false; detail: string };

/**
 * Turns boot-keyboard input reports (modifiers, reserved, six key slots) into the characters
 * they type. Stateful, one instance per device: a report lists the keys *held*, so a key types
 * only in the report where it first appears, and CapsLock is a toggle. Keys the layout does not
 * map (F-keys, arrows …) type nothing. CapsLock starts off: the host's own CapsLock never
 * reaches a raw reader, only this device's presses do.
 */
export class KeyboardDecoder {
  private held = new Set<number>();
  private capsLock = false;

  constructor(private readonly layout: KeyboardLayout) {}

  decode(report: Uint8Array): KeyboardDecodeResult {
    if (report.length !== BOOT_REPORT_LENGTH) {
      return { ok: false, detail: `keyboard report of ${report.length} bytes, expected ${BOOT_REPORT_LENGTH}` };
    }
    const slots = [...report.subarray(2)].filter((usage) => usage !== 0);
    // Too many keys at once: the report says nothing reliable about which are held, so the
    // last good state stands (the spec fills every slot; any slot is enough to refuse it).
    if (slots.includes(ERROR_ROLL_OVER)) return { ok: true, chars: [] };

    const shift = (report[0]! & SHIFT_BITS) !== 0;
    const chars: string[] = [];
    for (const usage of slots) {
      if (this.held.has(usage)) continue;
      if (usage === CAPS_LOCK) {
        this.capsLock = !this.capsLock;
        continue;
      }
      const char = this.character(usage, shift);
      if (char !== undefined) chars.push(char);
    }
    this.held = new Set(slots);
    return { ok: true, chars };
  }

  private character(usage: number, shift: boolean): string | undefined {
    const pair = this.layout.keys.get(usage);
    if (pair === undefined) return undefined;
    const [unshifted, shifted] = pair;
    // CapsLock acts on letters only, i.e. keys whose shifted character is the upper case of the other.
    const isLetter = unshifted !== shifted && unshifted.toUpperCase() === shifted;
    return shift !== (this.capsLock && isLetter) ? shifted : unshifted;
  }
}
