import assert from 'node:assert/strict';
import type fc from 'fast-check';
import { ERROR_MESSAGES, type AppErrorData } from '../../electron/contract';

/**
 * One parser or decoder of untrusted input under fuzzing: hostile inputs and the invariant every
 * answer keeps. `check` throws (node:assert, so the bench runs it outside Vitest) when it breaks.
 */
export interface FuzzTarget<T> {
  name: string;
  /** The exported functions and classes it drives, directly or through the ones it calls. */
  covers: readonly string[];
  /** Built lazily: a target may need keys or files. */
  inputs(): fc.Arbitrary<T>;
  check(input: T): void | Promise<void>;
}

export type AnyFuzzTarget = FuzzTarget<never> & { inputs(): fc.Arbitrary<unknown>; check(input: unknown): void | Promise<void> };

/** Erases the input type so targets of every kind share one list. */
export const fuzzTarget = <T>(target: FuzzTarget<T>): AnyFuzzTarget => target as unknown as AnyFuzzTarget;

/** A refusal the screens can show: a known code with its Vietnamese and English text. */
export function assertLocalizedError(error: AppErrorData): void {
  assert.ok(error.code in ERROR_MESSAGES, `unknown error code ${error.code}`);
  assert.equal(error.code === 'INTERNAL', false, 'INTERNAL: a handler threw');
  assert.ok(error.message.vi.length > 0 && error.message.en.length > 0, `${error.code} lacks its vi or en text`);
}

/** Runs `fn` and checks that it throws only `allowed` errors (returns the error, or undefined). */
export async function onlyThrows(fn: () => unknown, allowed: (error: unknown) => boolean): Promise<unknown> {
  try {
    await fn();
    return undefined;
  } catch (error) {
    if (!allowed(error)) throw error;
    return error;
  }
}

/** A value made on first use, then kept: keys, files and validators a target needs. */
export function once<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}
