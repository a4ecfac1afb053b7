import { createHash, sign, type KeyObject } from 'node:crypto';
import { derInteger, octetString, oid, sequence, set, utf8String } from './der-encode';
import { tlv } from '../../../drivers/smartcard/der';
import { PACE_ECDH_GM_AES_128, PACE_P256 } from '../../../drivers/smartcard/card-access';
import { DG13_FIELDS } from '../../../drivers/smartcard/dg13-vietnam';
import { PK_ECDH, PRIME_FIELD } from '../../../drivers/smartcard/dg14';
import { encodePoint, P256, toBytes } from '../../../drivers/smartcard/ec-point';
import { DATA_GROUP_TAGS, EF_COM_TAG, EF_SOD_TAG } from '../../../drivers/smartcard/lds-tags';
import { OID } from '../../../drivers/smartcard/sod';
import { ECDSA_WITH_SHA256, type Issued } from './certificates';
import { vietnameseTd1, type Holder } from './mrz';

const SHA256 = '2.16.840.1.101.3.4.2.1';
const ddmmyyyy = (iso: string) => (iso === '' ? '' : `${iso.slice(8)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`);

export interface PersonalDetails {
  nationality: string;
  ethnicity: string;
  religion: string;
  placeOfOrigin: string;
  placeOfResidence: string;
  identifyingMarks: string;
  fatherName: string;
  motherName: string;
  oldIdNumber: string;
}

export function efCom(dataGroups: number[]): Buffer {
  return tlv(EF_COM_TAG, tlv(0x5f01, Buffer.from('0107')), tlv(0x5f36, Buffer.from('040000')), tlv(0x5c, Buffer.from(dataGroups.map((n) => DATA_GROUP_TAGS[n]!))));
}

/** EF.CardAccess offering PACE-ECDH-GM-AES-CBC-CMAC-128 (version 2) on standardized parameters 12 (P-256). */
export function efCardAccess(): Buffer {
  return set(sequence(oid(PACE_ECDH_GM_AES_128), derInteger(2), derInteger(PACE_P256)));
}

export function dg1(holder: Holder): Buffer {
  return tlv(DATA_GROUP_TAGS[1]!, tlv(0x5f1f, Buffer.from(vietnameseTd1(holder).join(''), 'latin1')));
}

const field = (number: number, ...values: Buffer[]) => sequence(derInteger(number), ...values);

/** DG13 as the Vietnamese card encodes it (see drivers/smartcard/dg13-vietnam.ts for the sources). */
export function dg13(holder: Holder, details: PersonalDetails): Buffer {
  const f = DG13_FIELDS;
  return tlv(DATA_GROUP_TAGS[13]!,
    field(f.personalNumber, utf8String(holder.personalNumber)),
    field(f.fullName, utf8String(holder.fullName)),
    field(f.birthDate, utf8String(ddmmyyyy(holder.birthDate))),
    field(f.sex, utf8String(holder.sex === 'M' ? 'Nam' : 'Nữ')),
    field(f.nationality, utf8String(details.nationality)),
    field(f.ethnicity, utf8String(details.ethnicity)),
    field(f.religion, utf8String(details.religion)),
    field(f.placeOfOrigin, utf8String(details.placeOfOrigin)),
    field(f.placeOfResidence, utf8String(details.placeOfResidence)),
    field(f.identifyingMarks, utf8String(details.identifyingMarks)),
    field(f.issueDate, utf8String(ddmmyyyy(holder.issueDate))),
    field(f.expiryDate, utf8String(ddmmyyyy(holder.expiryDate))),
    field(f.parents, sequence(utf8String(details.fatherName)), sequence(utf8String(details.motherName))),
    field(f.oldIdNumber, utf8String(details.oldIdNumber)),
  );
}

export function dg15(activeAuthenticationKey: KeyObject): Buffer {
  return tlv(DATA_GROUP_TAGS[15]!, activeAuthenticationKey.export({ type: 'spki', format: 'der' }));
}

/** DG2 with one face: ISO/IEC 19794-5 record header, face information, image information (type 0 JPEG, 1 JPEG 2000), the image. */
export function dg2(image: Buffer, type: 0 | 1): Buffer {
  const faceInformation = Buffer.alloc(20);
  faceInformation.writeUInt32BE(20 + 12 + image.length);
  const imageInformation = Buffer.alloc(12);
  imageInformation[1] = type;
  const header = Buffer.alloc(14);
  header.write('FAC\x00010\x00', 'latin1');
  header.writeUInt32BE(14 + 20 + 12 + image.length, 8);
  header.writeUInt16BE(1, 12);
  const record = Buffer.concat([header, faceInformation, imageInformation, image]);
  const headerTemplate = tlv(0xa1, tlv(0x80, Buffer.from([1, 1])));
  return tlv(DATA_GROUP_TAGS[2]!, tlv(0x7f61, tlv(0x02, Buffer.from([1])), tlv(0x7f60, headerTemplate, tlv(0x5f2e, record))));
}

/** A P-256 public key as real chips write it in DG14: id-PK-ECDH with the domain parameters spelled out. */
function explicitP256Key(publicKey: KeyObject): Buffer {
  const { x, y } = publicKey.export({ format: 'jwk' });
  const point = Buffer.concat([Buffer.from([4]), Buffer.from(x ?? '', 'base64url'), Buffer.from(y ?? '', 'base64url')]);
  const parameters = sequence(
    derInteger(1),
    sequence(oid(PRIME_FIELD), derInteger(toBytes(P256.p, P256.size))),
    sequence(octetString(toBytes(P256.a, P256.size)), octetString(toBytes(P256.b, P256.size))),
    octetString(encodePoint(P256, P256.g)),
    derInteger(toBytes(P256.n, P256.size)),
    derInteger(1),
  );
  return sequence(sequence(oid(PK_ECDH), parameters), tlv(0x03, Buffer.from([0]), point));
}

/** DG14: a ChipAuthenticationInfo (protocol, version 1) and the ChipAuthenticationPublicKeyInfo (Doc 9303 Part 11 §9.2.5-6). */
export function dg14(chipAuthenticationKey: KeyObject, protocol: string): Buffer {
  return tlv(DATA_GROUP_TAGS[14]!, set(sequence(oid(protocol), derInteger(1)), sequence(oid(PK_ECDH), explicitP256Key(chipAuthenticationKey))));
}

/** EF.SOD: the data groups' SHA-256 hashes in an LDSSecurityObject, CMS-signed by the Document Signer. */
export function efSod(dataGroups: ReadonlyMap<number, Buffer>, signer: Issued, issuer: Issued): Buffer {
  const sha256 = sequence(oid(SHA256));
  const content = sequence(
    derInteger(0),
    sha256,
    sequence(...[...dataGroups].map(([n, bytes]) => sequence(derInteger(n), octetString(createHash('sha256').update(bytes).digest())))),
  );
  const attributes = [
    sequence(oid('1.2.840.113549.1.9.3'), set(oid(OID.ldsSecurityObject))),
    sequence(oid(OID.messageDigest), set(octetString(createHash('sha256').update(content).digest()))),
  ];
  const signature = sign('sha256', set(...attributes), signer.privateKey);
  const signerInfo = sequence(
    derInteger(1),
    sequence(issuer.name, derInteger(signer.serial)),
    sha256,
    tlv(0xa0, ...attributes),
    sequence(oid(ECDSA_WITH_SHA256)),
    octetString(signature),
  );
  const signedData = sequence(derInteger(3), set(sha256), sequence(oid(OID.ldsSecurityObject), tlv(0xa0, octetString(content))), tlv(0xa0, signer.der), set(signerInfo));
  return tlv(EF_SOD_TAG, sequence(oid(OID.signedData), tlv(0xa0, signedData)));
}
