import { constants, createHash, generateKeyPairSync, privateDecrypt } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { activeAuthenticationHolds } from '../../drivers/smartcard/active-auth';
import { encodeCommand } from '../../drivers/smartcard/apdu';
import { atrOffersExtendedLength } from '../../drivers/smartcard/card-channel';
import { DerError, readTlv, tlv } from '../../drivers/smartcard/der';
import { parseDg1 } from '../../drivers/smartcard/dg1';
import { dg13Date, parseDg13 } from '../../drivers/smartcard/dg13-vietnam';
import { DETAILS, HOLDER } from '../support/virtual-chip/cards';
import { atrFor } from '../support/virtual-chip/chip';
import { derInteger, sequence, utf8String } from '../support/virtual-chip/der-encode';
import { dg1, dg13, dg15 } from '../support/virtual-chip/lds-files';

const hex = (text: string) => Buffer.from(text.replace(/\s/g, ''), 'hex');

describe('DG13, the Vietnamese personal data group', () => {
  it('reads every field as public readers of real cards lay it out: 30 LL 02 01 NN 0C LL value', () => {
    expect(parseDg13(dg13(HOLDER, DETAILS))).toEqual({
      personalNumber: '001099012345',
      fullName: 'Nguyễn Văn An',
      birthDate: '1999-03-15',
      sex: 'M',
      nationality: 'Việt Nam',
      ethnicity: 'Kinh',
      religion: 'Không',
      placeOfOrigin: 'Xã Đông Hội, Huyện Đông Anh, Hà Nội',
      placeOfResidence: 'Số 12 Phố Hàng Bạc, Phường Hàng Đào, Quận Hoàn Kiếm, Hà Nội',
      identifyingMarks: 'Nốt ruồi C:1cm trên trước mày trái',
      issueDate: '2024-04-02',
      expiryDate: '2039-03-15',
      fatherName: 'Nguyễn Văn Bình',
      motherName: 'Trần Thị Cúc',
      oldIdNumber: '013456789',
    });
  });

  it('finds fields nested one SEQUENCE deeper and parents given as two plain strings; "Nữ" is F', () => {
    const field = (n: number, ...values: Buffer[]) => sequence(derInteger(n), ...values);
    const bytes = tlv(0x6d, sequence(derInteger(1), field(1, utf8String('079301000123')), field(2, utf8String('Lê Thị Hồng Nhung')), field(3, utf8String('05/09/1993')), field(4, utf8String('Nữ')), field(13, utf8String('Lê Văn Tâm'), utf8String('Phạm Thị Lan'))));
    expect(parseDg13(bytes)).toMatchObject({ personalNumber: '079301000123', fullName: 'Lê Thị Hồng Nhung', birthDate: '1993-09-05', sex: 'F', fatherName: 'Lê Văn Tâm', motherName: 'Phạm Thị Lan', expiryDate: '' });
  });

  it('refuses a DG13 without a 12-digit number or a name', () => {
    expect(() => parseDg13(tlv(0x6d, sequence(derInteger(2), utf8String('Nguyễn Văn An'))))).toThrow(/personal number/);
    expect(() => parseDg13(tlv(0x6d, sequence(derInteger(1), utf8String('001099012345'))))).toThrow(/name/);
  });

  it('reads dd/mm/yyyy dates and no date at all (cards without expiry)', () => {
    expect(dg13Date('15/03/1999')).toBe('1999-03-15');
    expect(dg13Date('')).toBe('');
    expect(dg13Date('Không thời hạn')).toBe('');
    expect(() => dg13Date('1999-3-15')).toThrow();
  });

  it('gives back any name and address with its diacritics, whatever the text (round trip)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 80 }).filter((s) => s.normalize('NFC').trim() !== ''), fc.string({ maxLength: 200 }), (fullName, placeOfResidence) => {
        const read = parseDg13(dg13({ ...HOLDER, fullName }, { ...DETAILS, placeOfResidence }));
        expect(read.fullName).toBe(fullName.normalize('NFC').trim());
        expect(read.placeOfResidence).toBe(placeOfResidence.normalize('NFC').trim());
      }),
    );
  });
});

describe('DG1', () => {
  it('reads the MRZ from DG1 with every check digit verified', () => {
    expect(parseDg1(dg1(HOLDER), '2026-11-23')).toEqual({ documentNumber: '099012345', personalNumber: '001099012345', mrzName: 'NGUYEN VAN AN', birthDate: '1999-03-15', expiryDate: '2039-03-15', sex: 'M' });
    const altered = Buffer.from(dg1(HOLDER));
    altered[altered.indexOf('990315') + 5] = 0x36;
    expect(() => parseDg1(altered, '2026-11-23')).toThrow(/check-digit/);
  });
});

describe('APDUs and the ATR', () => {
  it('encodes short and extended READ BINARY as ISO/IEC 7816-4 cases 2S and 2E', () => {
    expect(encodeCommand({ cla: 0, ins: 0xb0, p1: 0x81, p2: 0, ne: 256 })).toEqual(hex('00B0810000'));
    expect(encodeCommand({ cla: 0, ins: 0xb0, p1: 0x81, p2: 0, ne: 65536 })).toEqual(hex('00B08100000000'));
    expect(encodeCommand({ cla: 0x0c, ins: 0xb0, p1: 0x81, p2: 0, data: hex('970200008E080102030405060708'), ne: 65536 }, true)).toEqual(hex('0CB08100 00000E 970200008E080102030405060708 0000'));
  });

  it('reads extended-length support from the card capabilities in the historical bytes', () => {
    expect(atrOffersExtendedLength(atrFor(true))).toBe(true);
    expect(atrOffersExtendedLength(atrFor(false))).toBe(false);
    expect(atrOffersExtendedLength(hex('3B8F8001804F0CA000000306030001000000006A'))).toBe(false);
    expect(atrOffersExtendedLength(Buffer.alloc(0))).toBe(false);
  });

  it('never reads past a TLV it was given', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
      try {
        const { tlv: read, next } = readTlv(Buffer.from(bytes));
        expect(next).toBeLessThanOrEqual(bytes.length);
        expect(read.raw.length).toBe(next);
      } catch (error) {
        expect(error).toBeInstanceOf(DerError);
      }
    }));
  });
});

describe('active authentication', () => {
  it('checks an RSA chip signature with message recovery (ISO/IEC 9796-2 scheme 1, SHA-1)', () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
    const challenge = hex('0123456789ABCDEF');
    const m1 = Buffer.alloc(128 - 1 - 20 - 1, 0x5a);
    const block = Buffer.concat([Buffer.from([0x6a]), m1, createHash('sha1').update(Buffer.concat([m1, challenge])).digest(), Buffer.from([0xbc])]);
    const signature = privateDecrypt({ key: privateKey, padding: constants.RSA_NO_PADDING }, block);
    expect(activeAuthenticationHolds(dg15(publicKey), challenge, signature)).toBe(true);
    expect(activeAuthenticationHolds(dg15(publicKey), hex('0123456789ABCDEE'), signature)).toBe(false);
  });
});
