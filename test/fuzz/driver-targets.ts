import assert from 'node:assert/strict';
import fc from 'fast-check';
import { decodeReports } from '../../drivers/hid/decode-reports';
import { parseFixture } from '../../drivers/hid/replay-transport';
import { parseReportLines } from '../../drivers/hid/report-lines';
import { MAX_SCAN_BYTES, utf8Length, type ScanEvent } from '../../drivers/hid/scan';
import { parseCccdQr } from '../../drivers/idcard/cccd-qr';
import { classifyScan } from '../../drivers/idcard/classify';
import { parseMrz } from '../../drivers/idcard/mrz';
import { checkBirthYear, parsePersonalNumber } from '../../drivers/idcard/personal-number';
import { crossCheckPersonalNumber } from '../../drivers/idcard/pin-cross-check';
import { scanResult } from '../../electron/contract';
import { deviceErrorResult, toScanResult } from '../../electron/devices/scan-results';
import { isValidIsoDate } from '../../electron/base/calendar-date';
import { assertLocalizedError, fuzzTarget } from './fuzz-target';
import { fieldMutated, hostileText, mutatedBytes } from './mutate';
import { HID_FILES, MRZ_SAMPLES, PERSONAL_NUMBERS, QR_SAMPLES, RECEIPT_CODES, reportsOf, TODAY } from './samples';

/** What the screens get from any card read: a result of the contract's shape; a refusal with vi+en text. */
function assertScreenResult(outcome: Parameters<typeof toScanResult>[0]): void {
  const result = scanResult.parse(toScanResult(outcome, false));
  if (result.kind === 'error') assertLocalizedError(result.error);
  if (result.kind === 'identity') {
    assert.match(result.identity.personalNumber, /^\d{12}$/);
    for (const day of [result.identity.birthDate, result.identity.issueDate]) if (day !== undefined) assert.ok(isValidIsoDate(day) && day <= TODAY, day);
  }
}

/** Scans cut by a scanner: text within the byte bound; errors the screens can word. */
function assertScanEvents(events: ScanEvent[]): void {
  for (const event of events) {
    if (event.kind === 'scan') {
      assert.equal(typeof event.text, 'string');
      assert.ok(event.bytes > 0 && event.bytes <= MAX_SCAN_BYTES, `scan of ${event.bytes} bytes`);
      assert.equal(utf8Length(event.text), event.bytes);
    } else {
      const result = deviceErrorResult(event.code);
      assert.equal(result.kind, 'error');
      if (result.kind === 'error') assertLocalizedError(result.error);
    }
  }
}

const scanSamples = [...QR_SAMPLES, ...MRZ_SAMPLES, ...RECEIPT_CODES, 'MOTCUA1:AQE', ...PERSONAL_NUMBERS];

/** A report stream with arrival times (ms), mostly increasing, sometimes not. */
const timedReports = (reports: fc.Arbitrary<Uint8Array[]>) =>
  reports.chain((list) =>
    fc.record({
      reports: fc.constant(list),
      timestamps: fc.oneof(
        fc.array(fc.nat({ max: 400 }), { minLength: list.length, maxLength: list.length }).map((gaps) => gaps.reduce<number[]>((ts, g) => [...ts, (ts.at(-1) ?? 0) + g], [])),
        fc.array(fc.double({ noNaN: false }), { minLength: list.length, maxLength: list.length }),
      ),
      suffix: fc.constantFrom('enter' as const, 'tab' as const, 'none' as const),
      gap: fc.integer({ min: 0, max: 300 }),
    }),
  );

/** Reports of a given size: random, or a fixture's reports with some damaged, dropped or repeated. */
function reportStreams(mode: 'keyboard' | 'pos'): fc.Arbitrary<Uint8Array[]> {
  const size = mode === 'keyboard' ? 8 : 64;
  const fixtures = reportsOf(mode);
  const report = fc.oneof(
    fc.uint8Array({ minLength: size, maxLength: size }),
    fc.uint8Array({ maxLength: size + 8 }),
    mutatedBytes(fixtures.flat()),
    fc.constantFrom(...fixtures.flat()),
  );
  const mutatedStream = fc.tuple(fc.constantFrom(...fixtures), fc.array(fc.tuple(fc.nat(), report, fc.constantFrom('replace', 'insert', 'drop')), { maxLength: 4 })).map(([stream, edits]) => {
    const out = [...stream];
    for (const [n, r, kind] of edits) {
      const i = n % (out.length + 1);
      if (kind === 'insert') out.splice(i, 0, r);
      else if (kind === 'drop') out.splice(i, 1);
      else out[i] = r;
    }
    return out;
  });
  return fc.oneof(fc.array(report, { maxLength: 40 }), mutatedStream);
}

export const DRIVER_TARGETS = [
  fuzzTarget({
    name: 'idcard: classifyScan (any scanned text)',
    covers: ['classifyScan', 'scanTextProblem', 'mrzLines', 'symbologyOf'],
    inputs: () => fc.tuple(hostileText(scanSamples, 600), fc.boolean()).map(([text, pad]) => (pad ? `  ${text}\r\n` : text)),
    check: (text) => assertScreenResult(classifyScan(text, TODAY)),
  }),
  fuzzTarget({
    name: 'idcard: parseCccdQr (CCCD QR)',
    covers: ['parseCccdQr', 'isoDay', 'crossCheckPersonalNumber'],
    inputs: () => fc.oneof(hostileText(QR_SAMPLES), fieldMutated(QR_SAMPLES, '|'), fc.array(fc.string({ maxLength: 14 }), { maxLength: 9 }).map((f) => f.join('|'))),
    check: (text) => assertScreenResult({ kind: 'cccd-qr', ...parseCccdQr(text, TODAY) }),
  }),
  fuzzTarget({
    name: 'idcard: parseMrz (TD1/TD2/TD3, Vietnamese CCCD)',
    covers: ['parseMrz', 'layoutFor', 'read', 'correctDigits', 'icaoCheckDigit', 'checkDigitMatches', 'birthDateFromMrz', 'expiryDateFromMrz', 'isVietnameseCccd', 'vietnameseNumericSpans', 'centuryFromPersonalNumber', 'vietnameseExpiryDate', 'vietnameseIdentity'],
    inputs: () =>
      fc.oneof(
        hostileText(MRZ_SAMPLES),
        // MRZ letters in place of MRZ letters: the check digits, dates and OCR corrections are reached.
        fc.tuple(fc.constantFrom(...MRZ_SAMPLES), fc.array(fc.tuple(fc.nat(), fc.constantFrom(...'0123456789<ABCDEFGHIJKLMNOPQRSTUVWXYZ')), { minLength: 1, maxLength: 3 })).map(([s, edits]) =>
          edits.reduce((t, [n, c]) => (t[n % t.length] === '\n' ? t : t.slice(0, n % t.length) + c + t.slice((n % t.length) + 1)), s),
        ),
      ),
    check: (text) => {
      const outcome = parseMrz(text, TODAY);
      if (outcome.ok) for (const day of [outcome.mrz.birthDate, outcome.mrz.expiryDate]) assert.ok(isValidIsoDate(day), day);
      assertScreenResult({ kind: 'mrz', ...outcome });
    },
  }),
  fuzzTarget({
    name: 'idcard: parsePersonalNumber, checkBirthYear, crossCheckPersonalNumber',
    covers: ['parsePersonalNumber', 'checkBirthYear', 'crossCheckPersonalNumber'],
    inputs: () => fc.tuple(hostileText(PERSONAL_NUMBERS, 20), fc.integer({ min: -5000, max: 5000 }), fc.oneof(fc.constant(undefined), hostileText(['1999-03-15'], 12)), fc.constantFrom(undefined, 'male' as const, 'female' as const)),
    check: ([text, year, birthDate, sex]) => {
      const parsed = parsePersonalNumber(text);
      if (parsed.ok) {
        // Spaces and dashes people type between the groups are dropped, nothing else.
        assert.equal(parsed.value.value, text.replace(/[\s-]/g, ''));
        assert.match(parsed.value.value, /^\d{12}$/);
        const problem = checkBirthYear(parsed.value, year);
        assert.ok(problem === null || ['format', 'century-sex', 'birth-year'].includes(problem));
      } else assert.ok(['format', 'century-sex', 'birth-year'].includes(parsed.problem));
      for (const w of crossCheckPersonalNumber(text, birthDate, sex)) assert.ok(['birth-date-mismatch', 'sex-mismatch', 'pin-structure'].includes(w.code), w.code);
    },
  }),
  fuzzTarget({
    name: 'hid: keyboard boot reports (US layout) and scan framing',
    covers: ['decodeReports', 'ScanPipeline', 'KeyboardDecoder', 'ScanFramer', 'utf8Length', 'scanError'],
    inputs: () => timedReports(reportStreams('keyboard')),
    check: ({ reports, timestamps, suffix, gap }) => assertScanEvents(decodeReports(reports, 'keyboard', { timestamps, suffix, interKeyGapMs: gap })),
  }),
  fuzzTarget({
    name: 'hid: HID-POS reports (packets, AIM id, UTF-8)',
    covers: ['decodeReports', 'ScanPipeline', 'PosDecoder', 'symbologyOf'],
    inputs: () => timedReports(reportStreams('pos')),
    check: ({ reports, timestamps, gap }) => assertScanEvents(decodeReports(reports, 'pos', { timestamps, packetGapMs: gap })),
  }),
  fuzzTarget({
    name: 'hid: report files (motcua decode --reports, replay fixtures)',
    covers: ['parseReportLines', 'parseFixture'],
    inputs: () =>
      fc.oneof(
        hostileText(HID_FILES, 2000),
        fieldMutated(HID_FILES, ' '),
        fieldMutated(HID_FILES, '\n'),
        // A delay of any length in front of a report line.
        fc.tuple(fc.constantFrom(...HID_FILES), fc.oneof(fc.integer({ min: 1, max: 400 }).map((n) => '9'.repeat(n)), fc.string({ unit: fc.constantFrom('9', '0', '.'), minLength: 1, maxLength: 40 }))).map(([text, digits]) => text.replace(/^(\+\S+ )?([0-9a-f]{2} )/m, `+${digits} $2`)),
      ),
    check: (text) => {
      for (const read of [parseReportLines(text), parseFixture(text, 'fuzz')]) {
        if ('code' in read) {
          assert.ok(['bad-hex', 'bad-header'].includes(read.code) && read.line >= 0 && read.detail.length > 0);
          continue;
        }
        assert.equal(read.reports.length, read.timestamps.length);
        // Delays schedule the replay's timers: each a finite, non-decreasing time.
        read.timestamps.forEach((t, i) => assert.ok(Number.isFinite(t) && t >= (read.timestamps[i - 1] ?? 0), `timestamp ${t}`));
        assert.ok(read.reports.every((r) => r.length > 0));
      }
    },
  }),
];
