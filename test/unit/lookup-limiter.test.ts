import { describe, expect, it } from 'vitest';
import { AppError } from '../../electron/contract';
import { LookupLimiter } from '../../electron/host/lookup-limiter';
import { newSession } from '../../electron/host/session';

const found = () => 'status';
const missing = () => {
  throw new AppError('CASE_NOT_FOUND', ['receiptCode']);
};
const outcome = (p: Promise<unknown>) => p.then(() => 'ok', (e: AppError) => e.data.code);

describe('kiosk status look-up limits', () => {
  it('allows N look-ups per kiosk session per sliding minute, then LOOKUP_RATE_LIMITED until the window moves on', async () => {
    let now = 1_000_000;
    const limiter = new LookupLimiter({ perSession: 3, failedPerHost: 100, windowMs: 60_000 }, () => now);
    const kiosk = newSession('kiosk');
    for (let i = 0; i < 3; i++) expect(await outcome(limiter.run(kiosk, found))).toBe('ok');
    expect(await outcome(limiter.run(kiosk, found))).toBe('LOOKUP_RATE_LIMITED');
    // Another kiosk session is not affected; an officer and a technician never are.
    expect(await outcome(limiter.run(newSession('kiosk'), found))).toBe('ok');
    const officer = newSession('officer');
    for (let i = 0; i < 10; i++) expect(await outcome(limiter.run(officer, missing))).toBe('CASE_NOT_FOUND');
    expect(await outcome(limiter.run(newSession('technician'), found))).toBe('ok');
    now += 59_999;
    expect(await outcome(limiter.run(kiosk, found))).toBe('LOOKUP_RATE_LIMITED');
    now += 1;
    expect(await outcome(limiter.run(kiosk, found))).toBe('ok');
  });

  it('refuses every kiosk once the host has had M failed look-ups in the minute, and counts failures only', async () => {
    let now = 0;
    const limiter = new LookupLimiter({ perSession: 10, failedPerHost: 5, windowMs: 60_000 }, () => now);
    for (let i = 0; i < 5; i++) {
      now += 1000;
      expect(await outcome(limiter.run(newSession('kiosk'), missing))).toBe('CASE_NOT_FOUND');
    }
    expect(limiter.failedLookups()).toBe(5);
    expect(await outcome(limiter.run(newSession('kiosk'), found))).toBe('LOOKUP_RATE_LIMITED');
    // Refusals are not failures; officers' misses are not counted.
    expect(limiter.failedLookups()).toBe(5);
    expect(await outcome(limiter.run(newSession('officer'), missing))).toBe('CASE_NOT_FOUND');
    expect(limiter.failedLookups()).toBe(5);
    // A minute after the first failure, one slot frees.
    now = 61_000;
    expect(await outcome(limiter.run(newSession('kiosk'), found))).toBe('ok');
    expect(await outcome(limiter.run(newSession('kiosk'), missing))).toBe('CASE_NOT_FOUND');
    expect(await outcome(limiter.run(newSession('kiosk'), found))).toBe('LOOKUP_RATE_LIMITED');
  });

  it('other errors pass through uncounted', async () => {
    const limiter = new LookupLimiter({ perSession: 10, failedPerHost: 1, windowMs: 60_000 }, () => 0);
    const broken = () => {
      throw new AppError('BAD_INPUT');
    };
    expect(await outcome(limiter.run(newSession('kiosk'), broken))).toBe('BAD_INPUT');
    expect(limiter.failedLookups()).toBe(0);
  });
});
