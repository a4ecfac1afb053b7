/** A connected card: raw APDUs in and out. The PC/SC reader gives one; tests may give an in-process chip. */
export interface CardChannel {
  /** The card's answer to reset (its historical bytes say whether extended length is supported). */
  readonly atr: Buffer;
  transmit(apdu: Buffer): Promise<Buffer>;
  close(): void;
}

/** ISO/IEC 7816-4 §8.1.1.2.7: the card capabilities (compact-TLV tag 7) third byte, bit 7 = extended Lc/Le. */
export function atrOffersExtendedLength(atr: Buffer): boolean {
  const historical = historicalBytes(atr);
  if (historical.length === 0 || historical[0] !== 0x80) return false;
  for (let at = 1; at < historical.length; ) {
    const tag = historical[at]! >> 4;
    const length = historical[at]! & 0x0f;
    if (tag === 7 && length >= 3) return (historical[at + 3]! & 0x40) !== 0;
    at += 1 + length;
  }
  return false;
}

/** The ATR's historical bytes: T0's low nibble counts them; they follow the interface bytes T0 and each TDi announce. */
function historicalBytes(atr: Buffer): Buffer {
  if (atr.length < 2) return Buffer.alloc(0);
  const count = atr[1]! & 0x0f;
  let at = 1;
  let indicator = atr[1]!;
  for (;;) {
    const present = indicator >> 4;
    const interfaceBytes = [1, 2, 4, 8].filter((bit) => present & bit).length;
    at += interfaceBytes;
    if ((present & 8) === 0) break;
    indicator = atr[at] ?? 0;
  }
  return atr.subarray(at + 1, at + 1 + count);
}
