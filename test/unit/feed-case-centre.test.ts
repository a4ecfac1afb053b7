/**
 * The centre of a synced case (retention): the sync's hand-written check of a case line
 * agrees with the zod schema on `centreCode` — kept when valid, absent from older feeds, refused when malformed.
 */
import { describe, expect, it } from 'vitest';
import { caseDataSchema, changeLineSchema, parseCaseUpsert } from '../../electron/sync/feed-schema';
import { sampleCaseData } from '../fixtures/feed/case-data';

const data = sampleCaseData();
const line = (d: object) => ({ seq: 7, type: 'case', op: 'upsert', id: 'case-1', data: d });

describe('a case line with its centre', () => {
  it('keeps a valid centre code, exactly as the schema does', () => {
    const l = line({ ...data, centreCode: 'HN-TTHCC-01' });
    expect(parseCaseUpsert(l)?.data.centreCode).toBe('HN-TTHCC-01');
    expect(parseCaseUpsert(l)).toEqual({ ...changeLineSchema.parse(l), data: caseDataSchema.parse(l.data) });
  });

  it('takes a line of an older feed, without a centre', () => {
    const parsed = parseCaseUpsert(line(data));
    expect(parsed).not.toBeNull();
    expect(parsed!.data).not.toHaveProperty('centreCode');
  });

  it.each([['lower case', 'hn-tthcc-01'], ['empty', ''], ['too long', `A${'B'.repeat(32)}`], ['a number', 12], ['null', null]])(
    'refuses a malformed centre code (%s), as the schema does',
    (_name, centreCode) => {
      expect(parseCaseUpsert(line({ ...data, centreCode }))).toBeNull();
      expect(caseDataSchema.safeParse({ ...data, centreCode }).success).toBe(false);
    },
  );
});
