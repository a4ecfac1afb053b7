import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { AppError } from '../contract';

/**
 * AES-256-GCM for personal fields at rest (drafts, outbox payloads, counter notes). The stored text
 * is `enc1:` + base64url(iv 12 | tag 16 | ciphertext); the prefix names the format, so a later one
 * can be told apart. The associated data binds a value to its table, column and row: a ciphertext
 * copied into another row, or another column, does not open.
 */
export const FIELD_PREFIX = 'enc1:';
export const FIELD_KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Where a value lives: its table, its column, and the key of its row. */
export interface FieldPlace {
  table: string;
  column: string;
  row: string;
}

export const isEncryptedField = (stored: string): boolean => stored.startsWith(FIELD_PREFIX);

const aadOf = (place: FieldPlace): Buffer => Buffer.from(JSON.stringify([FIELD_PREFIX, place.table, place.column, place.row]), 'utf8');

export class FieldCipher {
  /** `key` gives the 32-byte data key; it is asked for only when a value is first encrypted or opened. */
  constructor(private readonly key: () => Buffer) {}

  encrypt(plain: string, place: FieldPlace): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key(), iv).setAAD(aadOf(place));
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return FIELD_PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
  }

  /** The clear value; STORED_DATA_UNREADABLE when it is not ours, altered, moved, or under another key. */
  decrypt(stored: string, place: FieldPlace): string {
    if (!isEncryptedField(stored)) throw new AppError('STORED_DATA_UNREADABLE');
    const payload = Buffer.from(stored.slice(FIELD_PREFIX.length), 'base64url');
    if (payload.length < IV_BYTES + TAG_BYTES) throw new AppError('STORED_DATA_UNREADABLE');
    const key = this.key();
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, payload.subarray(0, IV_BYTES)).setAAD(aadOf(place));
      decipher.setAuthTag(payload.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      return Buffer.concat([decipher.update(payload.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    } catch {
      throw new AppError('STORED_DATA_UNREADABLE');
    }
  }

  /** For a nullable column: null stays null. */
  encryptNullable(plain: string | null, place: FieldPlace): string | null {
    return plain === null ? null : this.encrypt(plain, place);
  }

  decryptNullable(stored: string | null, place: FieldPlace): string | null {
    return stored === null ? null : this.decrypt(stored, place);
  }
}

/** A cipher under a fresh random key that lives only in this process: for an in-memory database. */
export const ephemeralFieldCipher = (): FieldCipher => {
  const key = randomBytes(FIELD_KEY_BYTES);
  return new FieldCipher(() => key);
};
