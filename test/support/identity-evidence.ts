import { generateKeyPairSync, sign } from 'node:crypto';
import { EVIDENCE_HEADER, EVIDENCE_SIGNATURE_HEADER } from '../../electron/security/identity-evidence';
import { citizenProfile } from './central-sim/citizens';

const key = generateKeyPairSync('ed25519');

/**
 * Headers of identity evidence the centre releases a profile on: an officer's check of the card,
 * signed by a test key (the operator's token is trusted with the key it presents). The birth date
 * is the simulator's person's, for the seed it runs with.
 */
export function attestedEvidence(seed: string, personalNumber: string, now = new Date()): Record<string, string> {
  const birthDate = citizenProfile(seed, personalNumber)?.birthDate ?? '1900-01-01';
  const body = Buffer.from(
    JSON.stringify({ level: 'officer-attested', officer: 'canbo', personalNumber, birthDate, issuedAt: now.toISOString(), publicKey: key.publicKey.export({ type: 'spki', format: 'der' }).toString('base64url') }),
  );
  return { [EVIDENCE_HEADER]: body.toString('base64url'), [EVIDENCE_SIGNATURE_HEADER]: sign(null, body, key.privateKey).toString('base64url') };
}
