/**
 * What each key types under one host keyboard layout, as data: HID usage id (Keyboard/Keypad
 * page 0x07) → [unshifted, shifted]. A keyboard-mode scanner sends key positions, not characters,
 * so the layout the scanner was configured for must match the one chosen here.
 */
export interface KeyboardLayout {
  readonly name: string;
  readonly keys: ReadonlyMap<number, readonly [unshifted: string, shifted: string]>;
}
