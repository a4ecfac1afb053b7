import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeReports } from '../../drivers/hid/decode-reports';
import { PosDecoder } from '../../drivers/hid/pos-decoder';
import { parseFixture, type ReplayDevice } from '../../drivers/hid/replay-transport';
import { MAX_SCAN_BYTES, type ScanEvent } from '../../drivers/hid/scan';

function fixture(name: string): ReplayDevice {
  const device = parseFixture(readFileSync(join(__dirname, '../fixtures/hid', name), 'utf8'), `replay:${name}`);
  if (!('reports' in device)) throw new Error(device.detail);
  return device;
}

/** Honeywell-style input reports: [0x02, length, AIM ×3, data ×56, code id, 0, more]. */
function packets(aimId: string, data: string | Uint8Array): Uint8Array[] {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  const reports: Uint8Array[] = [];
  for (let at = 0; at === 0 || at < bytes.length; at += 56) {
    const chunk = bytes.subarray(at, at + 56);
    const report = new Uint8Array(64);
    report.set([0x02, chunk.length, ...new TextEncoder().encode(aimId)]);
    report.set(chunk, 5);
    report[63] = at + 56 < bytes.length ? 1 : 0;
    reports.push(report);
  }
  return reports;
}

const push = (decoder: PosDecoder, reports: Uint8Array[], at = 0) => reports.flatMap((report) => decoder.push(report, at));
const codes = (events: ScanEvent[]) => events.map((e) => (e.kind === 'scan' ? `scan:${e.text}` : e.code));

const VIETNAMESE =
  '079199012345|025123456|Nguyễn Văn An|01051999|Nữ|Số 1 Bến Nghé, Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh|10102021';

describe('POS fixtures through decodeReports', () => {
  const decode = (name: string) => {
    const { reports, timestamps, mode } = fixture(name);
    expect(mode).toBe('pos');
    return decodeReports(reports, 'pos', { timestamps });
  };

  it('pos-qr-vietnamese-name: 3 packets, a character split across two, diacritics intact', () => {
    const { reports } = fixture('pos-qr-vietnamese-name.hex');
    expect(reports).toHaveLength(3);
    // The split is real: packet 1's data alone is not valid UTF-8.
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(reports[0]!.subarray(5, 61))).toThrow();
    expect(decode('pos-qr-vietnamese-name.hex')).toEqual([
      { kind: 'scan', text: VIETNAMESE, asciiOnly: false, symbology: 'QR', aimId: ']Q1', bytes: 134 },
    ]);
  });

  it('pos-single-packet-code128', () => {
    expect(decode('pos-single-packet-code128.hex')).toEqual([
      { kind: 'scan', text: 'HS-2024-000123', asciiOnly: false, symbology: 'Code128', aimId: ']C0', bytes: 14 },
    ]);
  });

  it('pos-truncated: the cut scan is an error, the next one decodes, the unfinished one is incomplete', () => {
    expect(decode('pos-truncated.hex')).toEqual([
      { kind: 'error', code: 'bad-report', detail: 'truncated report: 40 bytes, expected 64; open scan dropped' },
      { kind: 'scan', text: 'HS-2024-000123', asciiOnly: false, symbology: 'Code128', aimId: ']C0', bytes: 14 },
      { kind: 'error', code: 'incomplete', detail: ']Q1 scan cut after 56 bytes' },
    ]);
  });

  it('garbage: errors only, one per report', () => {
    const events = decode('garbage.hex');
    expect(events.every((e) => e.kind === 'error' && e.code === 'bad-report')).toBe(true);
    expect(events).toHaveLength(fixture('garbage.hex').reports.length);
  });
});

describe('PosDecoder', () => {
  it.each([
    [']Q1', 'QR'],
    [']Q3', 'QR'],
    [']C0', 'Code128'],
    [']d2', 'DataMatrix'],
    [']L0', 'PDF417'],
    [']E0', 'EAN-13'],
    [']E4', 'unknown'],
    [']e0', 'unknown'],
  ])('names AIM id %s as %s, keeping the id', (aimId, symbology) => {
    expect(push(new PosDecoder(), packets(aimId, '42'))).toEqual([{ kind: 'scan', text: '42', asciiOnly: false, symbology, aimId, bytes: 2 }]);
  });

  it('shows non-printable AIM bytes escaped', () => {
    const [report] = packets(']Q1', 'x');
    report!.set([0x00, 0x51, 0x7f], 2);
    expect(push(new PosDecoder(), [report!])).toMatchObject([{ kind: 'scan', symbology: 'unknown', aimId: '\\x00Q\\x7f' }]);
  });

  it('reassembles exactly 56 and 57 bytes', () => {
    expect(codes(push(new PosDecoder(), packets(']Q1', 'a'.repeat(56))))).toEqual([`scan:${'a'.repeat(56)}`]);
    expect(packets(']Q1', 'b'.repeat(57))).toHaveLength(2);
    expect(codes(push(new PosDecoder(), packets(']Q1', 'b'.repeat(57))))).toEqual([`scan:${'b'.repeat(57)}`]);
  });

  it('accepts reports padded past 64 bytes (Windows pads to the longest input report)', () => {
    const [report] = packets(']C0', 'pad');
    const padded = new Uint8Array(80);
    padded.set(report!);
    expect(codes(push(new PosDecoder(), [padded]))).toEqual(['scan:pad']);
  });

  it('yields nothing for an empty scan', () => {
    expect(push(new PosDecoder(), packets(']C0', ''))).toEqual([]);
  });

  it('a wrong report id is an error and leaves the open scan alone', () => {
    const [first, second] = packets(']Q1', 'q'.repeat(100));
    const other = new Uint8Array(64).fill(0x04, 0, 1);
    expect(push(new PosDecoder(), [first!, other, second!])).toEqual([
      { kind: 'error', code: 'bad-report', detail: 'report id 0x04, expected 0x02' },
      { kind: 'scan', text: 'q'.repeat(100), asciiOnly: false, symbology: 'QR', aimId: ']Q1', bytes: 100 },
    ]);
    expect(new PosDecoder().push(new Uint8Array(0), 0)).toEqual([{ kind: 'error', code: 'bad-report', detail: 'truncated report: 0 bytes, expected 64' }]);
  });

  it('a length byte over 56 is an error', () => {
    const [report] = packets(']C0', 'x');
    report![1] = 57;
    expect(push(new PosDecoder(), [report!])).toEqual([{ kind: 'error', code: 'bad-report', detail: 'data length 57, at most 56' }]);
  });

  it('swallows the rest of a scan after a damaged packet, then decodes the next scan', () => {
    const [first, second, third] = packets(']Q1', 'r'.repeat(150));
    second![1] = 200;
    expect(codes(push(new PosDecoder(), [first!, second!, third!, ...packets(']C0', 'next')]))).toEqual(['bad-report', 'scan:next']);
  });

  it('stops swallowing after a packet gap', () => {
    const decoder = new PosDecoder(250);
    decoder.push(packets(']Q1', 's'.repeat(100))[0]!.slice(0, 30), 0); // truncated: the rest may follow
    expect(codes(push(decoder, packets(']Q1', 'fresh'), 1000))).toEqual(['scan:fresh']);
  });

  it('drops a scan over 8192 bytes, swallows its last packets, and recovers', () => {
    const long = packets(']Q1', 'L'.repeat(MAX_SCAN_BYTES + 200));
    expect(push(new PosDecoder(), [...long, ...packets(']C0', 'after')])).toEqual([
      { kind: 'error', code: 'too-long', detail: ']Q1 scan over 8192 bytes' },
      { kind: 'scan', text: 'after', asciiOnly: false, symbology: 'Code128', aimId: ']C0', bytes: 5 },
    ]);
  });

  it('accepts a scan of exactly 8192 bytes', () => {
    expect(push(new PosDecoder(), packets(']Q1', 'M'.repeat(MAX_SCAN_BYTES)))).toMatchObject([{ kind: 'scan', bytes: MAX_SCAN_BYTES }]);
  });

  it('reports invalid UTF-8 as bad-utf8', () => {
    expect(push(new PosDecoder(), packets(']Q1', Uint8Array.from([0x41, 0xc3, 0x28])))).toEqual([
      { kind: 'error', code: 'bad-utf8', detail: ']Q1 scan of 3 bytes is not UTF-8' },
    ]);
  });

  it('a scan with another AIM id interrupts the open one, which is dropped; the new one proceeds', () => {
    const [open] = packets(']Q1', 'o'.repeat(80));
    expect(push(new PosDecoder(), [open!, ...packets(']C0', 'new')])).toEqual([
      { kind: 'error', code: 'interrupted', detail: ']Q1 scan dropped after 56 bytes' },
      { kind: 'scan', text: 'new', asciiOnly: false, symbology: 'Code128', aimId: ']C0', bytes: 3 },
    ]);
  });

  it('a packet after the gap starts a new scan even with the same AIM id', () => {
    const decoder = new PosDecoder(250);
    decoder.push(packets(']Q1', 'o'.repeat(80))[0]!, 0);
    expect(codes(push(decoder, packets(']Q1', 'again'), 251))).toEqual(['interrupted', 'scan:again']);
  });

  it('flush(now) and abort() report an unfinished scan as incomplete', () => {
    const decoder = new PosDecoder(250);
    decoder.push(packets(']Q1', 'u'.repeat(80))[0]!, 0);
    expect(decoder.flush(250)).toEqual([]);
    expect(decoder.flush(251)).toEqual([{ kind: 'error', code: 'incomplete', detail: ']Q1 scan cut after 56 bytes' }]);
    decoder.push(packets(']Q1', 'u'.repeat(80))[0]!, 300);
    expect(codes(decoder.abort())).toEqual(['incomplete']);
    expect(decoder.abort()).toEqual([]);
  });
});

describe('POS properties', () => {
  const scansWithin = (events: ScanEvent[]) => events.every((e) => e.kind === 'error' || e.bytes <= MAX_SCAN_BYTES);
  const text = (min: number, max: number) => fc.string({ unit: 'grapheme', minLength: min, maxLength: max });
  const multiPacket = text(30, 400).filter((t) => new TextEncoder().encode(t).length > 56);

  it('random reports never throw and never yield a scan over 8 KB', () => {
    const report = fc.oneof(fc.uint8Array({ maxLength: 80 }), fc.uint8Array({ minLength: 64, maxLength: 64 }).map((r) => (r.set([0x02, r[1]! % 60]), r)));
    fc.assert(
      fc.property(fc.array(report, { maxLength: 300 }), (reports) => {
        expect(scansWithin(decodeReports(reports, 'pos'))).toBe(true);
      }),
    );
  });

  it('round-trips any text, whatever its packet boundaries cut', () => {
    fc.assert(
      fc.property(text(1, 500), (t) => {
        expect(codes(decodeReports(packets(']Q1', t), 'pos'))).toEqual([`scan:${t}`]);
      }),
    );
  });

  it('a truncated multi-packet scan never yields a scan', () => {
    fc.assert(
      fc.property(multiPacket, fc.nat(), fc.nat(), fc.boolean(), (t, cutAt, keep, dropTail) => {
        const reports = packets(']Q1', t);
        const index = cutAt % reports.length;
        // Either a report cut short, or the last packets lost, or both.
        reports[index] = reports[index]!.slice(0, keep % 64);
        const stream = dropTail ? reports.slice(0, 1 + (keep % (reports.length - 1))) : reports;
        expect(decodeReports(stream, 'pos').filter((e) => e.kind === 'scan')).toEqual([]);
      }),
    );
  });

  it('a truncated scan followed, after a gap, by a whole one yields only the whole one', () => {
    fc.assert(
      fc.property(multiPacket, text(1, 200), fc.nat(), (cut, whole, lost) => {
        const first = packets(']Q1', cut);
        const truncated = first.slice(0, 1 + (lost % (first.length - 1)));
        const second = packets(']Q1', whole);
        const timestamps = [...truncated.map((_, i) => i), ...second.map((_, i) => 1000 + i)];
        const scans = decodeReports([...truncated, ...second], 'pos', { timestamps }).filter((e) => e.kind === 'scan');
        expect(codes(scans)).toEqual([`scan:${whole}`]);
      }),
    );
  });

  it('random interleavings of two scans never throw and never yield a scan over 8 KB', () => {
    fc.assert(
      fc.property(text(0, 3000), text(0, 3000), fc.array(fc.boolean(), { maxLength: 120 }), (a, b, picks) => {
        const left = packets(']Q1', a);
        const right = packets(']C0', b);
        const mixed: Uint8Array[] = [];
        for (const pick of picks) {
          const next = (pick ? left : right).shift();
          if (next) mixed.push(next);
        }
        mixed.push(...left, ...right);
        const events = decodeReports(mixed, 'pos');
        expect(scansWithin(events)).toBe(true);
        // Whatever the order, a scan never mixes the two.
        for (const event of events) if (event.kind === 'scan') expect(event.aimId === ']Q1' ? a : b).toContain(event.text);
      }),
    );
  });
});

describe('POS regressions', () => {
  it('a first packet read as nothing (empty report) does not let the tail pass for a scan', () => {
    const reports = packets(']Q1', 'x'.repeat(150));
    reports[0] = new Uint8Array(0);
    const events = decodeReports(reports, 'pos');
    expect(events.filter((e) => e.kind === 'scan')).toEqual([]);
    expect(events[0]).toMatchObject({ kind: 'error', code: 'bad-report' });
  });
});
