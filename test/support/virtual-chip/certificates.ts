import { createPrivateKey, generateKeyPairSync, sign, X509Certificate, type KeyObject } from 'node:crypto';
import { derInteger, oid, sequence, set } from './der-encode';
import { tlv } from '../../../drivers/smartcard/der';

/*
 * Test certificates made with node:crypto alone (it signs but does not build X.509): a CSCA
 * (self-signed, CA) and a Document Signer under it, ECDSA P-256 with SHA-256, as a country's PKI
 * issues them (Doc 9303 Part 12) in miniature.
 */
export const ECDSA_WITH_SHA256 = '1.2.840.10045.4.3.2';

export interface Issued {
  certificate: X509Certificate;
  der: Buffer;
  privateKey: KeyObject;
  name: Buffer;
  serial: number;
}

export function distinguishedName(commonName: string): Buffer {
  return sequence(set(sequence(oid('2.5.4.6'), tlv(0x13, Buffer.from('VN')))), set(sequence(oid('2.5.4.3'), tlv(0x0c, Buffer.from(commonName, 'utf8')))));
}

/** UTCTime up to 2049, GeneralizedTime from 2050 (RFC 5280 §4.1.2.5). */
function time(date: Date): Buffer {
  const iso = date.toISOString().replace(/[-:T]/g, '').slice(0, 14);
  return date.getUTCFullYear() < 2050 ? tlv(0x17, Buffer.from(`${iso.slice(2)}Z`)) : tlv(0x18, Buffer.from(`${iso}Z`));
}

const caExtensions = (): Buffer =>
  tlv(0xa3, sequence(
    sequence(oid('2.5.29.19'), tlv(0x01, Buffer.from([0xff])), tlv(0x04, sequence(tlv(0x01, Buffer.from([0xff]))))),
    sequence(oid('2.5.29.15'), tlv(0x01, Buffer.from([0xff])), tlv(0x04, tlv(0x03, Buffer.from([0x01, 0x06])))),
  ));

export interface IssueOptions {
  commonName: string;
  serial: number;
  notBefore: Date;
  notAfter: Date;
  /** Absent: self-signed (a CSCA). */
  issuer?: Issued;
}

export function issueCertificate(options: IssueOptions): Issued {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const name = distinguishedName(options.commonName);
  const signer = options.issuer ?? { name, privateKey };
  const algorithm = sequence(oid(ECDSA_WITH_SHA256));
  const tbs = sequence(
    tlv(0xa0, derInteger(2)),
    derInteger(options.serial),
    algorithm,
    signer.name,
    sequence(time(options.notBefore), time(options.notAfter)),
    name,
    publicKey.export({ type: 'spki', format: 'der' }),
    ...(options.issuer === undefined ? [caExtensions()] : []),
  );
  const signature = sign('sha256', tbs, signer.privateKey);
  const der = sequence(tbs, algorithm, tlv(0x03, Buffer.from([0]), signature));
  return { certificate: new X509Certificate(der), der, privateKey, name, serial: options.serial };
}

/** An issued certificate with its key as plain data, to hand to a worker thread. */
export interface IssuedData {
  der: Buffer;
  privateKey: string;
  name: Buffer;
  serial: number;
}

export const issuedData = (issued: Issued): IssuedData => ({
  der: issued.der,
  privateKey: issued.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  name: issued.name,
  serial: issued.serial,
});

export function restoreIssued(data: IssuedData): Issued {
  const der = Buffer.from(data.der);
  return { der, certificate: new X509Certificate(der), privateKey: createPrivateKey(data.privateKey), name: Buffer.from(data.name), serial: data.serial };
}
