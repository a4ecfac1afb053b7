import { inflateRawSync, deflateRawSync } from 'node:zlib';
import { createHash, sign } from 'node:crypto';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyScan } from '../../drivers/idcard/classify';
import { ERROR_MESSAGES } from '../../electron/contract';
import { openDatabase } from '../../electron/db/connection';
import { SettingsRepository } from '../../electron/db/settings-repository';
import { prefillDraft } from '../../electron/proactive/dossier';
import {
  decodeHandoff,
  encodeHandoff,
  exportPublicKeyPem,
  HANDOFF_MAX_TEXT,
  HANDOFF_PREFIX,
  loadOrCreateDeviceKey,
  trustedKeys,
  type DeviceKey,
} from '../../electron/security/device-signing';
import { bundledTemplate, CARD, CENTRAL, ENTERED_CHILD } from '../fixtures/dossier/citizen';
import { memorySettings, newDeviceKey } from '../fixtures/dossier/device-key';

const key = newDeviceKey();
const trusted = trustedKeys([exportPublicKeyPem(key)]);
const { draft } = prefillDraft(bundledTemplate('birth-registration'), { central: CENTRAL, card: CARD, entered: ENTERED_CHILD }, { id: 'draft-42' });
const text = encodeHandoff(draft, key).text;
const nonEmpty = Object.fromEntries(Object.entries(draft.fields).filter(([, f]) => f.value !== null || f.locked));

/** Re-signs arbitrary bytes as the kiosk would: lets a test reach the checks behind the signature. */
function signedBytes(bytes: Buffer, signer: DeviceKey = key): string {
  return HANDOFF_PREFIX + Buffer.concat([bytes, sign(null, bytes, signer.privateKey)]).toString('base64url');
}
const payload = (t: string) => Buffer.from(t.slice(HANDOFF_PREFIX.length), 'base64url');
const header = (t: string) => payload(t).subarray(0, 10);

describe('the device key', () => {
  it('is made once and read back from the settings', () => {
    const settings = memorySettings();
    const first = loadOrCreateDeviceKey(settings);
    const again = loadOrCreateDeviceKey(settings);
    expect(again.keyId).toBe(first.keyId);
    expect(first.keyId).toMatch(/^[0-9a-f]{16}$/);
    expect([...settings.values.keys()]).toEqual(['device.signing.privateKeyPkcs8']);
    expect(exportPublicKeyPem(first)).toMatch(/^-----BEGIN PUBLIC KEY-----/);
  });

  it('is kept in the settings table, as PKCS8', () => {
    const { db } = openDatabase(':memory:', join(__dirname, '..', '..', 'electron', 'db', 'migrations'));
    const settings = new SettingsRepository(db);
    const first = loadOrCreateDeviceKey(settings);
    expect(loadOrCreateDeviceKey(new SettingsRepository(db)).keyId).toBe(first.keyId);
    expect(settings.get('device.signing.privateKeyPkcs8')).toMatch(/^[A-Za-z0-9+/]+=*$/);
    db.close();
  });

  it('is trusted only as an Ed25519 key', () => {
    expect(trustedKeys([exportPublicKeyPem(key)]).has(key.keyId)).toBe(true);
    expect(() => trustedKeys(['not a key'])).toThrow();
  });
});

describe('hand-off round trip', () => {
  it('carries the signed draft in one QR-sized text, empty fields left out', () => {
    expect(text.startsWith('MOTCUA1:')).toBe(true);
    expect(text.length).toBeLessThanOrEqual(HANDOFF_MAX_TEXT);
    expect(decodeHandoff(text, trusted)).toEqual({ ok: true, handoff: { kind: 'draft', draft: { ...draft, fields: nonEmpty }, keyId: key.keyId } });
    expect(decodeHandoff(`  ${text}\r\n`, trusted).ok).toBe(true);
  });

  it('is told from card scans by the scan classifier', () => {
    expect(classifyScan(`${text}\r\n`, '2026-11-23')).toEqual({ kind: 'handoff', ok: true, text });
  });

  it('falls back to a signed reference when the draft is too large for one QR', () => {
    const big = structuredClone(draft);
    // Incompressible values: hashes, 64 bytes each.
    for (const [i, field] of Object.values(big.fields).entries()) field.value = createHash('sha512').update(String(i)).digest('base64');
    const encoded = encodeHandoff(big, key);
    expect(encoded.kind).toBe('reference');
    expect(decodeHandoff(encoded.text, trusted)).toEqual({ ok: true, handoff: { kind: 'reference', draftId: 'draft-42', keyId: key.keyId } });
  });
});

describe('a hand-off refused', () => {
  const refused = (t: string, keys = trusted) => {
    const result = decodeHandoff(t, keys);
    return result.ok ? 'accepted' : result.code;
  };

  it('names what is wrong, with a message in both languages', () => {
    const cases: Array<[string, string]> = [
      ['MOTCUA2:abc', 'HANDOFF_BAD_PREFIX'],
      [`${HANDOFF_PREFIX}${'A'.repeat(HANDOFF_MAX_TEXT)}`, 'HANDOFF_TOO_LARGE'],
      [`${HANDOFF_PREFIX}abc+/=`, 'HANDOFF_BAD_ENCODING'],
      [`${HANDOFF_PREFIX}AAAA`, 'HANDOFF_BAD_ENCODING'],
      // Eight characters are six whole bytes: the text stays valid base64url whatever its length.
      [text.slice(0, -8), 'HANDOFF_BAD_SIGNATURE'],
      [signedBytes(Buffer.concat([header(text), deflateRawSync('{"id":')])), 'HANDOFF_BAD_JSON'],
      [signedBytes(Buffer.concat([header(text), Buffer.from('not deflate')])), 'HANDOFF_BAD_JSON'],
      [signedBytes(Buffer.concat([header(text), deflateRawSync('{"id":"x"}')])), 'HANDOFF_SCHEMA'],
    ];
    for (const [input, code] of cases) {
      expect(refused(input), input.slice(0, 40)).toBe(code);
      expect(ERROR_MESSAGES[code as keyof typeof ERROR_MESSAGES].vi).not.toBe('');
    }
    expect(refused(text, trustedKeys([exportPublicKeyPem(newDeviceKey())]))).toBe('HANDOFF_UNKNOWN_KEY');
  });

  it('catches a changed value even when the draft inside is still well formed', () => {
    const bytes = payload(text);
    const json = inflateRawSync(bytes.subarray(10, -64)).toString('utf8').replace('Nguyễn Thị Hồng Nhung', 'Nguyễn Thị Hồng Nhunh');
    const forged = HANDOFF_PREFIX + Buffer.concat([bytes.subarray(0, 10), deflateRawSync(json), bytes.subarray(-64)]).toString('base64url');
    expect(refused(forged)).toBe('HANDOFF_BAD_SIGNATURE');
  });

  it('refuses a key id swapped for another trusted key', () => {
    const other = newDeviceKey();
    const bytes = payload(text);
    Buffer.from(other.keyId, 'hex').copy(bytes, 2);
    const both = trustedKeys([exportPublicKeyPem(key), exportPublicKeyPem(other)]);
    expect(refused(HANDOFF_PREFIX + bytes.toString('base64url'), both)).toBe('HANDOFF_BAD_SIGNATURE');
  });
});

describe('decoder fuzz', () => {
  const neverThrowsNeverForged = (input: string) => {
    const result = decodeHandoff(input, trusted);
    if (result.ok) expect(input.trim()).toBe(text);
  };

  it('never throws on random text, and yields nothing from it', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (s) => neverThrowsNeverForged(s)), { numRuns: 500 });
    fc.assert(fc.property(fc.base64String({ maxLength: 1200 }), (s) => neverThrowsNeverForged(HANDOFF_PREFIX + s.replace(/\+/g, '-').replace(/\//g, '_').replace(/=/g, ''))), {
      numRuns: 300,
    });
  });

  it('never accepts a truncated or bit-flipped hand-off', () => {
    fc.assert(
      fc.property(fc.nat({ max: text.length - 1 }), (n) => {
        expect(decodeHandoff(text.slice(0, n), trusted).ok).toBe(false);
      }),
      { numRuns: 300 },
    );
    const bytes = payload(text);
    fc.assert(
      fc.property(fc.nat({ max: bytes.length * 8 - 1 }), (bit) => {
        const flipped = Buffer.from(bytes);
        flipped[bit >> 3]! ^= 1 << (bit & 7);
        expect(decodeHandoff(HANDOFF_PREFIX + flipped.toString('base64url'), trusted).ok).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('never accepts a flipped character of the text', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    fc.assert(
      fc.property(fc.integer({ min: HANDOFF_PREFIX.length, max: text.length - 1 }), fc.constantFrom(...alphabet), (at, ch) => {
        const changed = text.slice(0, at) + ch + text.slice(at + 1);
        // The last character's low bits may be padding the decoder ignores: only a changed byte counts.
        if (payload(changed).equals(payload(text))) return;
        expect(decodeHandoff(changed, trusted).ok).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});
