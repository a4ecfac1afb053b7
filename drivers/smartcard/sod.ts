import { X509Certificate } from 'node:crypto';
import { childAt, children, DerError, expectTlv, oidText, smallInteger, type Tlv } from './der';
import { EF_SOD_TAG } from './lds-tags';

/*
 * EF.SOD (Doc 9303 Part 10 §4.6.2): a CMS SignedData (RFC 5652) whose content is the
 * LDSSecurityObject (OID 2.23.136.1.1.1): the hash algorithm and each data group's hash.
 */
export const OID = {
  signedData: '1.2.840.113549.1.7.2',
  ldsSecurityObject: '2.23.136.1.1.1',
  messageDigest: '1.2.840.113549.1.9.4',
} as const;

const HASHES: Readonly<Record<string, string>> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.4': 'sha224',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};

export function hashName(algorithmIdentifier: Tlv): string {
  const name = HASHES[oidText(childAt(algorithmIdentifier, 0, 0x06).value)];
  if (name === undefined) throw new DerError('unknown hash algorithm');
  return name;
}

export interface SecurityObject {
  /** Node's name of the hash over the data groups ('sha256' …). */
  hash: string;
  /** Data group number → its hash as the signer stated it. */
  dataGroupHashes: Map<number, Buffer>;
  /** The encapsulated content's bytes (the messageDigest attribute covers them). */
  content: Buffer;
  signerDigest: string;
  /** The signed attributes re-tagged as a SET, as they were signed (RFC 5652 §5.4). */
  signedAttributes: Buffer;
  messageDigest: Buffer;
  signatureAlgorithm: string;
  signature: Buffer;
  documentSigner: X509Certificate;
}

function parseLdsSecurityObject(content: Buffer): { hash: string; dataGroupHashes: Map<number, Buffer> } {
  const object = expectTlv(content, 0x30);
  const hash = hashName(childAt(object, 1, 0x30));
  const dataGroupHashes = new Map<number, Buffer>();
  for (const entry of children(childAt(object, 2, 0x30))) {
    dataGroupHashes.set(smallInteger(childAt(entry, 0, 0x02)), childAt(entry, 1, 0x04).value);
  }
  return { hash, dataGroupHashes };
}

function messageDigestOf(signedAttributes: Tlv): Buffer {
  for (const attribute of children(signedAttributes)) {
    if (oidText(childAt(attribute, 0, 0x06).value) === OID.messageDigest) return childAt(childAt(attribute, 1, 0x31), 0, 0x04).value;
  }
  throw new DerError('SOD signer without a messageDigest');
}

/** Reads the SOD; throws DerError on anything that is not a well-formed one. */
export function parseSod(bytes: Buffer): SecurityObject {
  const contentInfo = childAt(expectTlv(bytes, EF_SOD_TAG), 0, 0x30);
  if (oidText(childAt(contentInfo, 0, 0x06).value) !== OID.signedData) throw new DerError('SOD is not SignedData');
  const signedData = childAt(childAt(contentInfo, 1, 0xa0), 0, 0x30);
  const parts = children(signedData);
  const encapsulated = parts[2];
  if (encapsulated?.tag !== 0x30 || oidText(childAt(encapsulated, 0, 0x06).value) !== OID.ldsSecurityObject) throw new DerError('SOD content is not an LDS security object');
  const content = childAt(childAt(encapsulated, 1, 0xa0), 0, 0x04).value;
  const certificates = parts.find((part) => part.tag === 0xa0);
  if (certificates === undefined) throw new DerError('SOD without the Document Signer certificate');
  let documentSigner;
  try {
    documentSigner = new X509Certificate(childAt(certificates, 0, 0x30).raw);
  } catch {
    throw new DerError('SOD Document Signer certificate unreadable');
  }
  const signerInfos = parts[parts.length - 1]!;
  if (signerInfos.tag !== 0x31) throw new DerError('SOD without signer infos');
  const signer = children(childAt(signerInfos, 0, 0x30));
  const attributes = signer.find((part) => part.tag === 0xa0);
  const signature = signer[signer.length - 1];
  const signatureAlgorithm = signer[signer.length - 2];
  if (attributes === undefined || signature?.tag !== 0x04 || signatureAlgorithm?.tag !== 0x30) throw new DerError('SOD signer info incomplete');
  return {
    ...parseLdsSecurityObject(content),
    content,
    signerDigest: hashName(signer[2]!),
    signedAttributes: Buffer.concat([Buffer.from([0x31]), attributes.raw.subarray(1)]),
    messageDigest: messageDigestOf(attributes),
    signatureAlgorithm: oidText(childAt(signatureAlgorithm, 0, 0x06).value),
    signature: signature.value,
    documentSigner,
  };
}
