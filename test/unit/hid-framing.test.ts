import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ScanFramer, type FramingProfile } from '../../drivers/hid/framing';
import { MAX_SCAN_BYTES, type ScanEvent } from '../../drivers/hid/scan';

/** Pushes each character 1 ms after the previous one, starting at `from`. */
function type(framer: ScanFramer, text: string, from = 0): ScanEvent[] {
  return [...text].flatMap((char, i) => framer.push(char, from + i));
}

const scan = (text: string) => ({ kind: 'scan', text, asciiOnly: true, bytes: Buffer.byteLength(text) });
const profile = (suffix: FramingProfile['suffix'], interKeyGapMs = 50): FramingProfile => ({ suffix, interKeyGapMs });

describe('ScanFramer', () => {
  it('ends a scan on Enter, without the Enter', () => {
    expect(type(new ScanFramer(profile('enter')), '123\n456\n')).toEqual([scan('123'), scan('456')]);
  });

  it('ends a scan on Tab when that is the suffix, keeping Enter as text', () => {
    expect(type(new ScanFramer(profile('tab')), 'a\nb\t')).toEqual([scan('a\nb')]);
  });

  it('yields nothing for a suffix with nothing before it', () => {
    expect(type(new ScanFramer(profile('enter')), '\n\n')).toEqual([]);
  });

  it('with no suffix, ends a scan when the next key comes after the gap', () => {
    const framer = new ScanFramer(profile('none', 50));
    expect(type(framer, 'abc', 0)).toEqual([]);
    expect(framer.push('d', 2 + 51)).toEqual([scan('abc')]);
  });

  it('flush(now) ends a scan only once the gap is exceeded', () => {
    const framer = new ScanFramer(profile('none', 50));
    type(framer, 'abc', 0); // last key at 2
    expect(framer.flush(52)).toEqual([]);
    expect(framer.flush(53)).toEqual([scan('abc')]);
    expect(framer.flush(1000)).toEqual([]);
  });

  it('ends a scan by the gap even when the profile has a suffix', () => {
    const framer = new ScanFramer(profile('enter', 50));
    type(framer, 'partial', 0);
    expect(type(framer, 'next\n', 500)).toEqual([scan('partial'), scan('next')]);
  });

  it('accepts a scan of exactly 8192 bytes', () => {
    const framer = new ScanFramer(profile('enter'));
    const text = 'x'.repeat(MAX_SCAN_BYTES);
    expect([...text].flatMap((c) => framer.push(c, 0)).concat(framer.push('\n', 0))).toEqual([scan(text)]);
  });

  it('drops a scan over 8192 bytes once, swallows its rest, and frames the next scan', () => {
    const framer = new ScanFramer(profile('enter'));
    const events = [...'y'.repeat(MAX_SCAN_BYTES + 100), '\n', ...'ok', '\n'].flatMap((c) => framer.push(c, 0));
    expect(events).toEqual([{ kind: 'error', code: 'too-long', detail: 'keyboard scan over 8192 bytes' }, scan('ok')]);
  });

  it('recovers from an over-long scan by the gap as well', () => {
    const framer = new ScanFramer(profile('none', 50));
    const events = [...'z'.repeat(MAX_SCAN_BYTES + 1)].flatMap((c) => framer.push(c, 0));
    expect(events.map((e) => e.kind === 'error' && e.code)).toEqual(['too-long']);
    expect(type(framer, 'next', 100)).toEqual([]);
    expect(framer.flush(1000)).toEqual([scan('next')]);
  });

  it('drop(): the damaged scan is swallowed up to its suffix', () => {
    const framer = new ScanFramer(profile('enter'));
    type(framer, 'abc');
    framer.drop(3);
    expect(type(framer, 'def\nghi\n', 4)).toEqual([scan('ghi')]);
  });

  it('abort(): a scan cut by a lost device is incomplete, never a scan', () => {
    const framer = new ScanFramer(profile('enter'));
    type(framer, 'abc');
    expect(framer.abort()).toEqual([{ kind: 'error', code: 'incomplete', detail: 'keyboard scan cut after 3 bytes' }]);
    expect(framer.flush(Infinity)).toEqual([]);
    expect(new ScanFramer(profile('enter')).abort()).toEqual([]);
  });
});

describe('framing properties', () => {
  const chars = fc.array(fc.record({ char: fc.constantFrom('a', 'Z', '1', '|', ' ', '\n', '\t', 'é'), gap: fc.nat(120) }), { maxLength: 400 });

  it('never throws, and every scan is non-empty, within 8 KB and free of its suffix', () => {
    fc.assert(
      fc.property(chars, fc.constantFrom<FramingProfile['suffix']>('enter', 'tab', 'none'), (keys, suffix) => {
        const framer = new ScanFramer({ suffix, interKeyGapMs: 50 });
        let at = 0;
        const events = keys.flatMap(({ char, gap }) => framer.push(char, (at += gap)));
        events.push(...framer.flush(Infinity));
        for (const event of events) {
          if (event.kind !== 'scan') continue;
          expect(event.bytes).toBeGreaterThan(0);
          expect(event.bytes).toBeLessThanOrEqual(MAX_SCAN_BYTES);
          if (suffix === 'enter') expect(event.text).not.toContain('\n');
          if (suffix === 'tab') expect(event.text).not.toContain('\t');
        }
      }),
    );
  });

  it('long streams without a suffix or gap are cut into too-long errors, never long scans', () => {
    fc.assert(
      fc.property(fc.integer({ min: MAX_SCAN_BYTES + 1, max: 3 * MAX_SCAN_BYTES }), (length) => {
        const framer = new ScanFramer({ suffix: 'enter', interKeyGapMs: 50 });
        const events = Array.from({ length }, () => framer.push('7', 0)).flat();
        events.push(...framer.flush(Infinity));
        expect(events).toEqual([{ kind: 'error', code: 'too-long', detail: 'keyboard scan over 8192 bytes' }]);
      }),
      { numRuns: 20 },
    );
  });
});
