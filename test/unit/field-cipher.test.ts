import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../electron/contract';
import { FIELD_PREFIX, FieldCipher, type FieldPlace } from '../../electron/security/field-cipher';

const keyed = (key = randomBytes(32)) => new FieldCipher(() => key);
const DRAFT: FieldPlace = { table: 'drafts', column: 'data', row: 'd-1' };
const VALUE = JSON.stringify({ 'applicant.fullName': 'Nguyễn Văn An', 'applicant.personalNumber': '079199012345' });

/** The typed error the repositories pass on, with its code and both messages. */
const unreadable = (open: () => unknown) => {
  try {
    open();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    const data = (error as AppError).data;
    expect(data.code).toBe('STORED_DATA_UNREADABLE');
    expect(data.message.vi).toMatch(/giải mã/);
    expect(data.message.en).toMatch(/decrypted/);
    return;
  }
  throw new Error('opened a value that should not open');
};

/** The stored text with one bit flipped at `at` bytes into the payload. */
function flipped(stored: string, at: number): string {
  const payload = Buffer.from(stored.slice(FIELD_PREFIX.length), 'base64url');
  payload[at]! ^= 0x01;
  return FIELD_PREFIX + payload.toString('base64url');
}

describe('field cipher', () => {
  it('stores enc1:base64url(iv|tag|ciphertext) with nothing of the value in it, and opens it again', () => {
    const cipher = keyed();
    const stored = cipher.encrypt(VALUE, DRAFT);
    expect(stored).toMatch(/^enc1:[A-Za-z0-9_-]+$/);
    expect(Buffer.from(stored.slice(5), 'base64url')).toHaveLength(12 + 16 + Buffer.byteLength(VALUE));
    for (const clear of ['079199012345', 'Nguyễn', 'Nguy']) expect(Buffer.from(stored.slice(5), 'base64url').toString('latin1')).not.toContain(clear);
    expect(cipher.decrypt(stored, DRAFT)).toBe(VALUE);
    // A fresh IV each time: the same value never stores the same way twice.
    expect(cipher.encrypt(VALUE, DRAFT)).not.toBe(stored);
  });

  it('refuses an altered IV, tag or ciphertext, a cut value, and clear text where a ciphertext belongs', () => {
    const cipher = keyed();
    const stored = cipher.encrypt(VALUE, DRAFT);
    for (const at of [0, 11, 12, 27, 28, 28 + 20]) unreadable(() => cipher.decrypt(flipped(stored, at), DRAFT));
    unreadable(() => cipher.decrypt(stored.slice(0, 30), DRAFT));
    unreadable(() => cipher.decrypt(FIELD_PREFIX, DRAFT));
    unreadable(() => cipher.decrypt(VALUE, DRAFT));
  });

  it('a value moved to another row, column or table does not open', () => {
    const cipher = keyed();
    const stored = cipher.encrypt(VALUE, DRAFT);
    unreadable(() => cipher.decrypt(stored, { ...DRAFT, row: 'd-2' }));
    unreadable(() => cipher.decrypt(stored, { ...DRAFT, column: 'other' }));
    unreadable(() => cipher.decrypt(stored, { table: 'outbox', column: 'body', row: 'd-1' }));
  });

  it('a value from another database (another data key) does not open', () => {
    unreadable(() => keyed().decrypt(keyed().encrypt(VALUE, DRAFT), DRAFT));
  });

  it('null stays null in a nullable column', () => {
    const cipher = keyed();
    expect(cipher.encryptNullable(null, DRAFT)).toBeNull();
    expect(cipher.decryptNullable(null, DRAFT)).toBeNull();
    expect(cipher.decryptNullable(cipher.encryptNullable('x', DRAFT), DRAFT)).toBe('x');
  });

  it('property: any text round-trips at its own place, and no other place opens it', () => {
    const cipher = keyed();
    const place = fc.record({ table: fc.string({ maxLength: 20 }), column: fc.string({ maxLength: 20 }), row: fc.string({ maxLength: 40 }) });
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 500 }), place, place, (text, here, there) => {
        const stored = cipher.encrypt(text, here);
        expect(cipher.decrypt(stored, here)).toBe(text);
        if (JSON.stringify(here) !== JSON.stringify(there)) unreadable(() => cipher.decrypt(stored, there));
      }),
      { numRuns: 2000 },
    );
  });
});
