/**
 * POST /v1/devices: a kiosk or counter registers its Ed25519 public key with a one-time
 * enrolment code the centre's IT handed out, and gets its device id and bearer token.
 * The codes given at start are the ones outstanding (used ones are remembered in memory);
 * tokens are kept as SHA-256 in the store, so a restarted simulator on the same file still
 * accepts them.
 */
import { createHash, createPublicKey, randomBytes, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { HttpError } from './http-util';
import type { CentralStore } from './store';

const registrationSchema = z.strictObject({
  publicKeyPem: z.string().max(2000),
  centreCode: z.string().regex(/^[A-Z0-9][A-Z0-9.-]{0,31}$/),
  role: z.enum(['kiosk', 'counter']),
  enrolmentCode: z.string().min(1).max(64),
});

export const tokenHash = (token: string): string => createHash('sha256').update(token).digest('hex');

function isEd25519(pem: string): boolean {
  try {
    return createPublicKey(pem).asymmetricKeyType === 'ed25519';
  } catch {
    return false;
  }
}

export function deviceRegistry(store: CentralStore, enrolmentCodes: readonly string[]) {
  const outstanding = new Set(enrolmentCodes);
  return {
    register(body: unknown): { deviceId: string; token: string } {
      const parsed = registrationSchema.safeParse(body);
      if (!parsed.success) throw new HttpError(400, 'bad-registration', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
      const { publicKeyPem, centreCode, role, enrolmentCode } = parsed.data;
      if (!isEd25519(publicKeyPem)) throw new HttpError(400, 'bad-public-key', 'publicKeyPem must be an Ed25519 public key (SPKI PEM).');
      // One use per code: deleted before the token is made, so two racing requests cannot both pass.
      if (!outstanding.delete(enrolmentCode)) throw new HttpError(403, 'enrolment-code-refused', 'The enrolment code is unknown or already used.');
      const deviceId = `dev-${randomUUID()}`;
      const token = randomBytes(32).toString('base64url');
      store.addDevice({ deviceId, tokenHash: tokenHash(token), publicKeyPem, centreCode, role });
      return { deviceId, token };
    },
    /** The device a bearer token was issued to, if this centre issued it. */
    deviceOf: (token: string): string | undefined => store.deviceByTokenHash(tokenHash(token)),
  };
}
