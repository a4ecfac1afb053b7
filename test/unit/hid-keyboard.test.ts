import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeReports } from '../../drivers/hid/decode-reports';
import { KeyboardDecoder } from '../../drivers/hid/keyboard-decoder';
import { US_LAYOUT } from '../../drivers/hid/layouts/us';
import { parseFixture, type ReplayDevice } from '../../drivers/hid/replay-transport';
import { MAX_SCAN_BYTES, type ScanEvent } from '../../drivers/hid/scan';

function fixture(name: string): ReplayDevice {
  const device = parseFixture(readFileSync(join(__dirname, '../fixtures/hid', name), 'utf8'), `replay:${name}`);
  if (!('reports' in device)) throw new Error(device.detail);
  return device;
}

const keys = (modifiers: number, ...usages: number[]) => Uint8Array.from([modifiers, 0, ...usages, ...Array(6 - usages.length).fill(0)]);
const RELEASE = keys(0);

function typedBy(decoder: KeyboardDecoder, reports: Uint8Array[]): string {
  return reports
    .map((report) => {
      const result = decoder.decode(report);
      if (!result.ok) throw new Error(result.detail);
      return result.chars.join('');
    })
    .join('');
}

describe('US layout', () => {
  it.each([
    [0x04, 'a', 'A'],
    [0x1d, 'z', 'Z'],
    [0x1e, '1', '!'],
    [0x26, '9', '('],
    [0x27, '0', ')'],
    [0x28, '\n', '\n'],
    [0x2b, '\t', '\t'],
    [0x2c, ' ', ' '],
    [0x2d, '-', '_'],
    [0x31, '\\', '|'],
    [0x34, "'", '"'],
    [0x38, '/', '?'],
  ])('usage %i types %j / %j', (usage, unshifted, shifted) => {
    expect(US_LAYOUT.keys.get(usage)).toEqual([unshifted, shifted]);
  });

  it('maps every usage of 0x04–0x38 except the ones no US key has (Esc, Backspace)', () => {
    const missing = Array.from({ length: 0x38 - 0x04 + 1 }, (_, i) => 0x04 + i).filter((usage) => !US_LAYOUT.keys.has(usage));
    expect(missing).toEqual([0x29, 0x2a]);
  });
});

describe('KeyboardDecoder', () => {
  it('types new keys of one report in slot order', () => {
    expect(typedBy(new KeyboardDecoder(US_LAYOUT), [keys(0, 0x06, 0x04, 0x05)])).toBe('cab');
  });

  it('does not repeat a held key, and types a key again after a release', () => {
    const decoder = new KeyboardDecoder(US_LAYOUT);
    expect(typedBy(decoder, [keys(0, 0x1e), keys(0, 0x1e), keys(0, 0x1e, 0x1f), RELEASE, keys(0, 0x1e), RELEASE, keys(0, 0x1e)])).toBe('1211');
  });

  it('types a key again once it was absent from a report, even if other keys were still held', () => {
    expect(typedBy(new KeyboardDecoder(US_LAYOUT), [keys(0, 0x04, 0x05), keys(0, 0x05), keys(0, 0x05, 0x04)])).toBe('aba');
  });

  it('shifts with either shift key and ignores other modifiers', () => {
    expect(typedBy(new KeyboardDecoder(US_LAYOUT), [keys(0x02, 0x04), RELEASE, keys(0x20, 0x05), RELEASE, keys(0x01, 0x06)])).toBe('ABc');
  });

  it('lets CapsLock invert shift on letters only', () => {
    const decoder = new KeyboardDecoder(US_LAYOUT);
    const reports = [keys(0, 0x39), RELEASE, keys(0, 0x04), RELEASE, keys(0x02, 0x05), RELEASE, keys(0, 0x1e), RELEASE, keys(0x02, 0x1e)];
    expect(typedBy(decoder, [...reports, RELEASE, keys(0, 0x39), RELEASE, keys(0, 0x06)])).toBe('Ab1!c');
  });

  it('ignores an error roll-over report and keeps the keys held before it', () => {
    const decoder = new KeyboardDecoder(US_LAYOUT);
    expect(typedBy(decoder, [keys(0, 0x04), Uint8Array.from([0, 0, 1, 1, 1, 1, 1, 1]), keys(0, 0x04, 0x05)])).toBe('ab');
  });

  it('types nothing for keys the layout does not map', () => {
    expect(typedBy(new KeyboardDecoder(US_LAYOUT), [keys(0, 0x3a, 0x4f, 0x29)])).toBe('');
  });

  it.each([0, 7, 9, 64])('reports a %d-byte report as an error, without throwing', (length) => {
    expect(new KeyboardDecoder(US_LAYOUT).decode(new Uint8Array(length))).toEqual({
      ok: false,
      detail: `keyboard report of ${length} bytes, expected 8`,
    });
  });
});

describe('keyboard fixtures through decodeReports', () => {
  const decode = (name: string) => {
    const { reports, timestamps, mode } = fixture(name);
    expect(mode).toBe('keyboard');
    return decodeReports(reports, 'keyboard', { timestamps });
  };

  it('keyboard-us-cccd-qr: the CCCD QR as ASCII, framed by Enter', () => {
    expect(decode('keyboard-us-cccd-qr.hex')).toEqual([
      {
        kind: 'scan',
        text: '001099012345|012345678|NGUYEN VAN AN|01051999|Nam|So 1 Ben Nghe|10102021',
        asciiOnly: true,
        bytes: 72,
      },
    ]);
  });

  it('keyboard-rollover-repeat', () => {
    expect(decode('keyboard-rollover-repeat.hex')).toEqual([{ kind: 'scan', text: 'abcde112fghij', asciiOnly: true, bytes: 13 }]);
  });

  it('keyboard-shift-capslock', () => {
    expect(decode('keyboard-shift-capslock.hex')).toEqual([{ kind: 'scan', text: 'Hello World ABCd1!e', asciiOnly: true, bytes: 19 }]);
  });

  it('garbage: wrong-length reports are errors, and nothing throws', () => {
    const { reports, timestamps } = fixture('garbage.hex');
    const events = decodeReports(reports, 'keyboard', { timestamps });
    const wrongLength = reports.filter((report) => report.length !== 8).length;
    expect(events.filter((e) => e.kind === 'error' && e.code === 'bad-report')).toHaveLength(wrongLength);
    expect(scansWithin(events)).toBe(true);
  });
});

const scansWithin = (events: ScanEvent[]) => events.every((e) => e.kind === 'error' || (e.bytes <= MAX_SCAN_BYTES && e.bytes > 0));

describe('keyboard properties', () => {
  it('random reports of any length never throw and never yield a scan over 8 KB', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 12 }), { maxLength: 200 }), fc.constantFrom('enter', 'tab', 'none'), (reports, suffix) => {
        expect(scansWithin(decodeReports(reports, 'keyboard', { suffix }))).toBe(true);
      }),
    );
  });

  it('random 8-byte reports only ever type characters of the layout', () => {
    const typeable = new Set([...US_LAYOUT.keys.values()].flat());
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ minLength: 8, maxLength: 8 }), { maxLength: 200 }), (reports) => {
        for (const event of decodeReports(reports, 'keyboard', { suffix: 'none' })) {
          if (event.kind === 'scan') expect([...event.text].every((char) => typeable.has(char))).toBe(true);
        }
      }),
    );
  });
});
