import { sign } from 'node:crypto';
import type { AssuranceLevel } from '../contract';
import type { DeviceKey } from './device-signing';

/** What a verified chip read proves, as the centre reads it (resources/central-api.yaml, IdentityEvidence.chip). */
export interface ChipEvidence {
  documentNumber: string;
  /** SHA-256 (lowercase hex) of each data group as read, by its number. */
  dataGroupHashes: Record<string, string>;
  /** Passive authentication (ICAO 9303): hashes against the SOD, its signature, the signer against a CSCA. */
  passiveAuth: 'valid' | 'invalid' | 'untrusted' | 'expired';
  /** Chip (DG14) or active (DG15) authentication: a copied chip fails it. */
  chipAuth: 'valid' | 'invalid' | 'absent';
}

/** How the citizen of a turn was identified, beyond the number and birth date. */
export interface IdentityProof {
  level: AssuranceLevel;
  /** holder-confirmed: the challenge the centre confirmed. */
  challengeId?: string;
  /** officer-attested: the account of the officer who checked the original card. */
  officer?: string;
  chip?: ChipEvidence;
}

export const EVIDENCE_HEADER = 'x-identity-evidence';
export const EVIDENCE_SIGNATURE_HEADER = 'x-identity-signature';

/**
 * The evidence sent with `GET /v1/citizens/{pin}`: base64url of its JSON in X-Identity-Evidence,
 * and the device key's Ed25519 signature over exactly those JSON bytes in X-Identity-Signature
 * (no canonical form needed: the centre verifies the bytes it received, then parses them). The
 * public key rides along so the centre can match it to the one the device registered.
 */
export function signedEvidence(proof: IdentityProof, person: { personalNumber: string; birthDate: string }, key: DeviceKey, now: Date): Record<string, string> {
  const body = {
    level: proof.level,
    personalNumber: person.personalNumber,
    birthDate: person.birthDate,
    issuedAt: now.toISOString(),
    publicKey: key.publicKey.export({ type: 'spki', format: 'der' }).toString('base64url'),
    ...(proof.challengeId !== undefined ? { challengeId: proof.challengeId } : {}),
    ...(proof.officer !== undefined ? { officer: proof.officer } : {}),
    ...(proof.chip !== undefined ? { chip: proof.chip } : {}),
  };
  const bytes = Buffer.from(JSON.stringify(body), 'utf8');
  return { [EVIDENCE_HEADER]: bytes.toString('base64url'), [EVIDENCE_SIGNATURE_HEADER]: sign(null, bytes, key.privateKey).toString('base64url') };
}
