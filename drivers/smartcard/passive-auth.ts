import { constants, createHash, verify, type X509Certificate } from 'node:crypto';
import type { PassiveAuthResult } from './chip-reading';
import type { SecurityObject } from './sod';

/** Signature algorithm OID → the digest it uses and whether it is RSASSA-PSS (ECDSA and PKCS#1 need nothing else). */
const SIGNATURES: Readonly<Record<string, { digest: string | undefined; pss?: true }>> = {
  '1.2.840.113549.1.1.1': { digest: undefined },
  '1.2.840.113549.1.1.5': { digest: 'sha1' },
  '1.2.840.113549.1.1.14': { digest: 'sha224' },
  '1.2.840.113549.1.1.11': { digest: 'sha256' },
  '1.2.840.113549.1.1.12': { digest: 'sha384' },
  '1.2.840.113549.1.1.13': { digest: 'sha512' },
  '1.2.840.113549.1.1.10': { digest: undefined, pss: true },
  '1.2.840.10045.4.1': { digest: 'sha1' },
  '1.2.840.10045.4.3.1': { digest: 'sha224' },
  '1.2.840.10045.4.3.2': { digest: 'sha256' },
  '1.2.840.10045.4.3.3': { digest: 'sha384' },
  '1.2.840.10045.4.3.4': { digest: 'sha512' },
};

/** The SOD's signature by its Document Signer's key (a key that does not decode is no signature). */
function signatureHolds(sod: SecurityObject): boolean {
  const algorithm = SIGNATURES[sod.signatureAlgorithm];
  if (algorithm === undefined) return false;
  const digest = algorithm.digest ?? sod.signerDigest;
  try {
    const key = sod.documentSigner.publicKey;
    const options = algorithm.pss ? { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_AUTO } : key;
    return verify(digest, sod.signedAttributes, options, sod.signature);
  } catch {
    return false;
  }
}

/** Whether each data group read hashes to what the SOD states for it (one the SOD does not list fails). */
export function dataGroupsMatch(sod: SecurityObject, dataGroups: ReadonlyMap<number, Buffer>): boolean {
  if (dataGroups.size === 0) return false;
  for (const [number, bytes] of dataGroups) {
    const stated = sod.dataGroupHashes.get(number);
    if (stated === undefined || !createHash(sod.hash).update(bytes).digest().equals(stated)) return false;
  }
  return true;
}

function issuedBy(certificate: X509Certificate, csca: X509Certificate): boolean {
  try {
    return certificate.checkIssued(csca) && certificate.verify(csca.publicKey);
  } catch {
    return false;
  }
}

const within = (certificate: X509Certificate, now: Date): boolean => now >= new Date(certificate.validFrom) && now <= new Date(certificate.validTo);

/**
 * Doc 9303 Part 11 §5.1: the data groups against the SOD's hashes, the SOD's signature by its Document
 * Signer, the Document Signer against the installed CSCA certificates. `invalid` wins over `untrusted`,
 * which wins over `expired` (a certificate outside its validity at `now`).
 */
export function passiveAuthentication(sod: SecurityObject, dataGroups: ReadonlyMap<number, Buffer>, cscas: readonly X509Certificate[], now: Date): PassiveAuthResult {
  if (!dataGroupsMatch(sod, dataGroups)) return 'invalid';
  if (!createHash(sod.signerDigest).update(sod.content).digest().equals(sod.messageDigest)) return 'invalid';
  if (!signatureHolds(sod)) return 'invalid';
  const csca = cscas.find((candidate) => issuedBy(sod.documentSigner, candidate));
  if (csca === undefined) return 'untrusted';
  if (!within(sod.documentSigner, now) || !within(csca, now)) return 'expired';
  return 'valid';
}
