import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyScan, type ClassifiedScan } from '../../drivers/idcard/classify';

const TODAY = '2026-03-01';
const fixture = (name: string) => readFileSync(new URL(`../fixtures/idcard/${name}`, import.meta.url), 'utf8');
const classify = (text: string) => classifyScan(text, TODAY);

const TD1 = fixture('mrz-icao-td1.txt');
const QR = fixture('qr-nam.txt');

describe('classifyScan: identity documents', () => {
  it.each(['mrz-icao-td1.txt', 'mrz-icao-td2.txt', 'mrz-icao-td3.txt', 'mrz-vn-cccd.txt'])('reads %s as an MRZ', (name) => {
    expect(classify(fixture(name))).toMatchObject({ kind: 'mrz', ok: true });
  });

  it('carries the MRZ reading and the identity of a Vietnamese card', () => {
    expect(classify(fixture('mrz-vn-cccd.txt'))).toMatchObject({
      kind: 'mrz',
      ok: true,
      mrz: { format: 'TD1', documentNumber: '099012345' },
      identity: { personalNumber: '001099012345', fullName: 'NGUYEN VAN AN' },
      warnings: [],
    });
  });

  it.each(['qr-nam.txt', 'qr-nu.txt', 'qr-nu-nfd.txt', 'qr-extra-fields.txt'])('reads %s as a CCCD QR', (name) => {
    expect(classify(fixture(name))).toMatchObject({ kind: 'cccd-qr', ok: true, identity: { birthDate: expect.any(String) } });
  });

  it('keeps the parsers’ refusals, with the kind it recognised', () => {
    const sixFields = QR.split('|').slice(0, 6).join('|');
    expect(classify(sixFields)).toEqual({ kind: 'cccd-qr', ok: false, problem: 'qr-field-count' });
    expect(classify(QR.replace('15031999', '31021999'))).toEqual({ kind: 'cccd-qr', ok: false, problem: 'qr-bad-date' });
    const brokenComposite = TD1.replace('<<<6', '<<<7');
    expect(classify(brokenComposite)).toMatchObject({ kind: 'mrz', ok: false, problem: 'mrz-check-digit', mrz: { checks: { composite: false } } });
  });

  it('recognises an MRZ that OCR has lengthened, shortened or soiled, and lets the parser say what is wrong', () => {
    const [l1, l2, l3] = TD1.trim().split(/\r\n/) as [string, string, string];
    expect(classify([`${l1}<`, l2, l3].join('\n'))).toEqual({ kind: 'mrz', ok: false, problem: 'mrz-shape' });
    expect(classify([l1.slice(0, 28), l2, l3].join('\n'))).toEqual({ kind: 'mrz', ok: false, problem: 'mrz-shape' });
    expect(classify([l1, l2, l3.replace('ANNA', 'ANnA')].join('\n'))).toEqual({ kind: 'mrz', ok: false, problem: 'mrz-bad-characters' });
  });
});

describe('classifyScan: other scans', () => {
  it('passes a MotCua hand-off through with its prefix', () => {
    expect(classify('MOTCUA1:eyJ2IjoxfQ\r\n')).toEqual({ kind: 'handoff', ok: true, text: 'MOTCUA1:eyJ2IjoxfQ' });
    // The prefix wins even when the rest looks like something else.
    expect(classify(`MOTCUA1:${QR}`)).toMatchObject({ kind: 'handoff' });
  });

  it.each(['H01.01-261123-0001', '000.00.12.H29-241015-0042', 'AB-123', 'A'.repeat(20) + '-' + '9'.repeat(19)])(
    'reads %j as a receipt code',
    (code) => {
      expect(classify(` ${code}\n`)).toEqual({ kind: 'receipt', ok: true, receiptCode: code });
    },
  );

  it.each([
    ['8935049501237', 'an EAN-13 has no dash'],
    ['001099012345', 'a bare personal number has no dash'],
    ['H01.01.261123', 'no dash'],
    ['-H0101261123', 'a leading dash'],
    ['H0101261123-', 'a trailing dash'],
    ['AB-12', 'five characters'],
    ['A'.repeat(20) + '-' + '9'.repeat(20), '41 characters'],
    ['h01.01-261123-0001', 'lower case'],
    ['H01 01-261123-0001', 'a space'],
    ['https://dichvucong.gov.vn/p/home/dvc-tra-cuu-ho-so.html?ma=H01.01-261123-0001', 'a URL'],
    ['001099012345|123456789|Nguyễn Văn An|15031999|Nam', 'a personal number with too few fields for a QR'],
    ['12345678901|1|2|3|4|5|6', 'an 11-digit first field'],
    ['MOTCUA2:abc', 'another prefix version'],
  ])('reads %j as a plain barcode (%s)', (text) => {
    expect(classify(text)).toEqual({ kind: 'barcode', ok: true, text });
  });

  it('refuses empty and whitespace-only scans', () => {
    for (const text of ['', ' ', '\r\n', '\t \n']) expect(classify(text)).toEqual({ kind: 'unreadable', ok: false, problem: 'empty' });
  });

  it('measures the 8192-byte limit in UTF-8, not in characters', () => {
    expect(classify('A'.repeat(8192)).kind).toBe('barcode');
    expect(classify('A'.repeat(8193))).toEqual({ kind: 'unreadable', ok: false, problem: 'too-long' });
    expect(classify('ữ'.repeat(2730))).toMatchObject({ kind: 'barcode' }); // 8190 bytes
    expect(classify('ữ'.repeat(2731))).toEqual({ kind: 'unreadable', ok: false, problem: 'too-long' }); // 8193 bytes
  });

  it('narrows on kind, so consumers reach the right fields without casts', () => {
    const summary = (scan: ClassifiedScan): string => {
      if (!scan.ok) return scan.problem;
      switch (scan.kind) {
        case 'cccd-qr':
          return scan.identity.personalNumber;
        case 'mrz':
          return scan.mrz.documentNumber;
        case 'handoff':
        case 'barcode':
          return scan.text;
        case 'receipt':
          return scan.receiptCode;
      }
    };
    expect(summary(classify(QR))).toBe('001099012345');
    expect(summary(classify(TD1))).toBe('D23145890');
    expect(summary(classify(''))).toBe('empty');
  });
});

describe('classifyScan: properties', () => {
  const fragments = fc
    .array(fc.constantFrom('|', '<', '<<<<<<<<<<', '001099012345', 'MOTCUA1:', '-', '.', 'H01', 'Nữ', '\n', '\r\n', ' ', 'I<UTO', '7408122F'), { maxLength: 40 })
    .map((parts) => parts.join(''));

  it('never throws and always answers with a kind and ok, whatever the text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 400 }), fc.string({ unit: 'grapheme', maxLength: 100 }), fragments), (text) => {
        const scan = classify(text);
        expect(['cccd-qr', 'mrz', 'handoff', 'receipt', 'barcode', 'unreadable']).toContain(scan.kind);
        expect(typeof scan.ok).toBe('boolean');
      }),
      { numRuns: 3000 },
    );
  });

  it('never accepts a truncated identity scan with a partial identity', () => {
    const full = [QR, TD1, fixture('mrz-vn-cccd.txt')].map((text) => text.trim());
    fc.assert(
      fc.property(fc.constantFrom(...full), fc.nat(), (text, n) => {
        const scan = classify(text.slice(0, n % text.length));
        expect(scan.ok && (scan.kind === 'cccd-qr' || scan.kind === 'mrz')).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});
