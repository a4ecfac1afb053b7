// Writes the HID report fixtures in test/fixtures/hid/: `npx tsx scripts/make-hid-fixtures.ts`.
// No scanner was at hand, so the streams are synthesised to the documented report formats; the
// key-code table below is written from the HID Usage Tables, independently of drivers/hid/layouts,
// so a mistake in one does not hide in the other.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const OUT_DIR = join(__dirname, '..', 'test', 'fixtures', 'hid');

const PROVENANCE = [
  '# Synthesised by scripts/make-hid-fixtures.ts to the documented report format, not recorded:',
  '# no hardware was available. Re-record from a real scanner when one is.',
];
const KEYBOARD_HEADER =
  '# vendorId=0x0c2e productId=0x0b87 usagePage=0x01 usage=0x06 product="Synthesised keyboard-mode scanner" serialNumber="SYN-KBD-0001" mode=keyboard';
const POS_HEADER =
  '# vendorId=0x0c2e productId=0x0b61 usagePage=0x8c usage=0x02 product="Synthesised HID-POS scanner" serialNumber="SYN-POS-0001" mode=pos';

type Line = { delay: number; bytes: number[] };

// --- keyboard mode: 8-byte boot reports [modifiers, reserved, key × 6] ---

const SHIFT = 0x02;
const RIGHT_SHIFT = 0x20;
const ENTER = 0x28;
const CAPS_LOCK = 0x39;
const ROLL_OVER_ERROR = [0, 0, 1, 1, 1, 1, 1, 1];
const PUNCTUATION: Record<string, [usage: number, shift: boolean]> = {
  ' ': [0x2c, false],
  '|': [0x31, true],
  '!': [0x1e, true],
  '\n': [ENTER, false],
};

function keyOf(char: string): [usage: number, shift: boolean] {
  const code = char.charCodeAt(0);
  if (char >= 'a' && char <= 'z') return [0x04 + code - 0x61, false];
  if (char >= 'A' && char <= 'Z') return [0x04 + code - 0x41, true];
  if (char === '0') return [0x27, false];
  if (char >= '1' && char <= '9') return [0x1e + code - 0x31, false];
  const key = PUNCTUATION[char];
  if (key === undefined) throw new Error(`no US key types ${JSON.stringify(char)}`);
  return key;
}

const keys = (modifiers: number, ...usages: number[]): number[] => [modifiers, 0, ...usages, ...Array(6 - usages.length).fill(0)];
const RELEASE = keys(0);

/** How a scanner types: each character pressed and released, a couple of ms apart. */
function typed(text: string): Line[] {
  return [...text].flatMap((char) => {
    const [usage, shift] = keyOf(char);
    return [
      { delay: 2, bytes: keys(shift ? SHIFT : 0, usage) },
      { delay: 1, bytes: RELEASE },
    ];
  });
}

const CCCD_ASCII = '001099012345|012345678|NGUYEN VAN AN|01051999|Nam|So 1 Ben Nghe|10102021';

const rolloverAndRepeats: Line[] = [
  { delay: 0, bytes: keys(0, 0x04, 0x05, 0x06) }, // a b c new in one report: typed in slot order
  { delay: 1, bytes: RELEASE },
  { delay: 2, bytes: keys(0, 0x07) }, // d …
  { delay: 1, bytes: keys(0, 0x07, 0x08) }, // … held while e is pressed: only e is new
  { delay: 1, bytes: RELEASE },
  { delay: 2, bytes: keys(0, 0x1e) }, // 1
  { delay: 1, bytes: RELEASE },
  { delay: 2, bytes: keys(0, 0x1e) }, // 1 again, after a release
  { delay: 1, bytes: RELEASE },
  { delay: 2, bytes: keys(0, 0x1f) }, // 2, held over three reports: typed once
  { delay: 1, bytes: keys(0, 0x1f) },
  { delay: 1, bytes: keys(0, 0x1f) },
  { delay: 1, bytes: RELEASE },
  { delay: 2, bytes: keys(0, 0x09) }, // f
  { delay: 1, bytes: ROLL_OVER_ERROR }, // ignored: f counts as still held
  { delay: 1, bytes: keys(0, 0x09, 0x0a) }, // g
  { delay: 1, bytes: RELEASE },
  { delay: 2, bytes: keys(0, 0x0b, 0x0c) }, // h i
  { delay: 1, bytes: keys(0, 0x0c) }, // h up, i held
  { delay: 1, bytes: keys(0, 0x0c, 0x0d) }, // j
  { delay: 1, bytes: RELEASE },
  { delay: 2, bytes: keys(0, ENTER) },
  { delay: 1, bytes: RELEASE },
];

const shiftAndCapsLock: Line[] = [
  ...typed('Hello'),
  ...typed(' '),
  { delay: 2, bytes: keys(RIGHT_SHIFT) }, // shift alone first, as some scanners send it
  { delay: 1, bytes: keys(RIGHT_SHIFT, 0x1a) }, // W with the right shift
  { delay: 1, bytes: RELEASE },
  ...typed('orld '),
  { delay: 2, bytes: keys(0, CAPS_LOCK) }, // CapsLock on
  { delay: 1, bytes: RELEASE },
  ...typed('abc'), // → ABC
  ...typed('D'), // shift under CapsLock → d
  ...typed('1!'), // CapsLock leaves digits alone
  { delay: 2, bytes: keys(0, CAPS_LOCK) }, // CapsLock off
  { delay: 1, bytes: RELEASE },
  ...typed('e\n'),
];

// --- HID-POS mode: Honeywell-style 64-byte input report 0x02 ---

const PACKET_DATA = 56;
const encoder = new TextEncoder();

/** [0x02, length, AIM id ×3, data ×56, code id, 0, more]. */
function packet(aimId: string, data: Uint8Array, codeId: string, more: boolean): number[] {
  const padded = [...data, ...Array(PACKET_DATA - data.length).fill(0)];
  return [0x02, data.length, ...encoder.encode(aimId), ...padded, codeId.charCodeAt(0), 0, more ? 1 : 0];
}

function packets(aimId: string, codeId: string, text: string, firstDelay: number): Line[] {
  const bytes = encoder.encode(text);
  const lines: Line[] = [];
  for (let at = 0; at < bytes.length; at += PACKET_DATA) {
    const data = bytes.subarray(at, at + PACKET_DATA);
    lines.push({ delay: at === 0 ? firstDelay : 2, bytes: packet(aimId, data, codeId, at + PACKET_DATA < bytes.length) });
  }
  return lines;
}

const CCCD_VIETNAMESE =
  '079199012345|025123456|Nguyễn Văn An|01051999|Nữ|Số 1 Bến Nghé, Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh|10102021';
const RECEIPT_CODE = 'HS-2024-000123';

function vietnameseQr(): Line[] {
  const lines = packets(']Q1', 's', CCCD_VIETNAMESE, 0);
  // The point of this fixture: three packets, and a character cut in two by a packet boundary.
  const firstData = encoder.encode(CCCD_VIETNAMESE).subarray(0, PACKET_DATA);
  const cutsCharacter = new TextDecoder().decode(firstData).endsWith('\uFFFD');
  if (lines.length !== 3 || !cutsCharacter) throw new Error('the Vietnamese QR no longer spans 3 packets with a split character');
  return lines;
}

function truncatedScans(): Line[] {
  const [first, second] = packets(']Q1', 's', CCCD_VIETNAMESE, 0);
  const [unfinished] = packets(']Q1', 's', CCCD_VIETNAMESE, 1500);
  return [
    first!,
    { delay: 2, bytes: second!.bytes.slice(0, 40) }, // cut short: the scan must not come out
    ...packets(']C0', 'j', RECEIPT_CODE, 1500), // a later scan still decodes
    unfinished!, // a scan whose other packets never came
  ];
}

/** Deterministic noise (a small LCG), in lines of any length; none is a well-formed POS packet. */
function garbage(): Line[] {
  let seed = 0x5eed;
  const next = () => (seed = (seed * 1103515245 + 12345) >>> 0) >>> 16;
  return Array.from({ length: 24 }, (_, index) => {
    const bytes = Array.from({ length: 1 + (next() % 80) }, () => next() & 0xff);
    if (bytes[0] === 0x02) bytes[0] = 0x03;
    if (index % 6 === 0) bytes.splice(0, 1, 0x02); // report id right, but far too short or too long a length
    if (index % 6 === 0 && bytes.length >= 2) bytes[1] = 0xf0;
    return { delay: 3, bytes };
  });
}

function render(header: string, expect: string[], lines: Line[]): string {
  const hex = (byte: number) => byte.toString(16).padStart(2, '0');
  const body = lines.map(({ delay, bytes }) => `+${delay} ${bytes.map(hex).join(' ')}`);
  return [header, ...PROVENANCE, ...expect.map((line) => `# ${line}`), ...body, ''].join('\n');
}

export function buildHidFixtures(): Map<string, string> {
  const keyboard = (expect: string[], lines: Line[]) => render(KEYBOARD_HEADER, expect, lines);
  const pos = (expect: string[], lines: Line[]) => render(POS_HEADER, expect, lines);
  return new Map([
    [
      'keyboard-us-cccd-qr.hex',
      keyboard(
        ['A CCCD QR typed in keyboard mode (US layout), ASCII only: keyboard mode cannot type "Nữ".', `Expect: ${CCCD_ASCII} then Enter.`],
        typed(`${CCCD_ASCII}\n`),
      ),
    ],
    [
      'keyboard-rollover-repeat.hex',
      keyboard(['Several new keys in one report, held keys, a repeated key, an error roll-over report.', 'Expect: abcde112fghij then Enter.'], rolloverAndRepeats),
    ],
    ['keyboard-shift-capslock.hex', keyboard(['Left and right shift, CapsLock on and off.', 'Expect: Hello World ABCd1!e then Enter.'], shiftAndCapsLock)],
    [
      'pos-qr-vietnamese-name.hex',
      pos(['A CCCD QR in UTF-8 over 3 packets; "ố" is split between packets 1 and 2.', `Expect (]Q1): ${CCCD_VIETNAMESE}`], vietnameseQr()),
    ],
    ['pos-single-packet-code128.hex', pos(['One Code 128 packet.', `Expect (]C0): ${RECEIPT_CODE}`], packets(']C0', 'j', RECEIPT_CODE, 0))],
    [
      'pos-truncated.hex',
      pos(
        ['A 2-packet QR whose second packet is cut short, a good Code 128, then a QR left unfinished.', `Expect: bad-report, ${RECEIPT_CODE}, incomplete.`],
        truncatedScans(),
      ),
    ],
    ['garbage.hex', pos(['Random bytes of random lengths (seeded, so stable).', 'Expect: errors only, never a scan.'], garbage())],
  ]);
}

if (process.argv[1]?.endsWith('make-hid-fixtures.ts')) {
  mkdirSync(OUT_DIR, { recursive: true });
  for (const [name, text] of buildHidFixtures()) writeFileSync(join(OUT_DIR, name), text);
  console.log(`wrote ${buildHidFixtures().size} fixtures to ${OUT_DIR}`);
}
