import { describe, expect, it } from 'vitest';
import { CASE_STATUS_TEXT, caseStatusText } from '../../electron/host/case-status-text';
import { isoDate } from '../../electron/base/calendar-date';

const TODAY = isoDate('2026-12-07');

describe('case status text on the kiosk lookup', () => {
  it('a case still being processed after its due date is late: no "come back on the due date", the date it was due, what to ask for', () => {
    const text = caseStatusText('processing', '2026-10-31T10:00:00.000Z', TODAY);
    expect(text.meaning.vi).toContain('quá ngày hẹn trả kết quả (31/10/2026)');
    expect(text.nextStep.vi).not.toContain('quay lại vào ngày hẹn');
    expect(text.nextStep.vi).toContain('hẹn ngày trả kết quả mới');
    expect(text.nextStep.en).toContain('new result date');
  });

  it('on or before its due date (in Vietnam: 17:30 UTC on the 6th is already the 7th) the usual text stands', () => {
    expect(caseStatusText('received', '2026-12-06T17:30:00.000Z', TODAY)).toEqual(CASE_STATUS_TEXT.received);
    expect(caseStatusText('processing', '2026-12-20T02:00:00.000Z', TODAY)).toEqual(CASE_STATUS_TEXT.processing);
  });

  it('a case with its result, or waiting for the citizen, is never called late', () => {
    for (const status of ['supplement-required', 'completed', 'rejected', 'returned'] as const) {
      expect(caseStatusText(status, '2026-10-31T10:00:00.000Z', TODAY)).toEqual(CASE_STATUS_TEXT[status]);
    }
  });
});
