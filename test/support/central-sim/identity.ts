/**
 * Identity assurance at the reference centre: it, not the kiosk, decides whether a profile is
 * released. The kiosk sends evidence of how it identified the citizen with GET /v1/citizens/{pin}
 * (X-Identity-Evidence, signed by the device key in X-Identity-Signature); a typed number or a
 * scanned QR proves nothing and is refused (403 assurance-too-low), and so is a birth date that is
 * not the person's (403 identity-mismatch), checked only after the level so that a typed number
 * cannot be used to guess a birth date. Holder confirmation: POST /v1/identity/challenges sends a
 * one-time code to the person's registered "phone" (a test control endpoint), then the kiosk polls
 * or confirms with the code.
 */
import { createPublicKey, randomInt, randomUUID, verify, type KeyObject } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import { HttpError } from './http-util';
import { makePrng } from './prng';

/** How long a sent code works, and how long a confirmation then vouches for the holder. */
export const CHALLENGE_TTL_MS = 5 * 60_000;
export const CONFIRMED_TTL_MS = 30 * 60_000;
/** Evidence older (or newer) than this is a replay, not a turn at a kiosk. */
const EVIDENCE_SKEW_MS = 5 * 60_000;
const WRONG_CODES_ALLOWED = 3;
const PHONE_KEPT = 200;
const LEVELS_THAT_RELEASE = new Set(['chip', 'holder-confirmed', 'officer-attested']);

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const evidenceSchema = z.object({
  level: z.enum(['typed', 'qr', 'chip', 'holder-confirmed', 'officer-attested']),
  personalNumber: z.string().regex(/^\d{12}$/),
  birthDate: isoDay,
  issuedAt: z.string().max(40),
  publicKey: z.string().max(200),
  challengeId: z.string().max(64).optional(),
  officer: z.string().min(1).max(64).optional(),
  chip: z
    .object({
      documentNumber: z.string().max(20),
      dataGroupHashes: z.record(z.string().regex(/^\d{1,2}$/), z.string().regex(/^[0-9a-f]{64}$/)),
      passiveAuth: z.enum(['valid', 'invalid', 'untrusted', 'expired']),
      chipAuth: z.enum(['valid', 'invalid', 'absent']),
    })
    .optional(),
});
export type IdentityEvidence = z.infer<typeof evidenceSchema>;

const challengeRequest = z.strictObject({ pin: z.string().regex(/^\d{12}$/), birthDate: isoDay });
const confirmRequest = z.strictObject({ code: z.string().regex(/^\d{6}$/) });

interface Challenge {
  id: string;
  pin: string;
  device: string;
  code: string;
  phoneHint: string;
  sentAt: number;
  expiresAt: number;
  status: 'pending' | 'confirmed' | 'expired' | 'refused';
  confirmedAt: number | null;
  wrong: number;
}

/** What the test "phone" received. */
export interface PhoneMessage {
  challengeId: string;
  pin: string;
  phoneHint: string;
  text: string;
  code: string;
  at: string;
}

const header = (req: IncomingMessage, name: string): string | undefined => {
  const value = req.headers[name];
  return typeof value === 'string' ? value : undefined;
};

/** The registered phone's hint, the same for a person at every start. */
const phoneHintOf = (seed: string, pin: string): string => `•••• ••• ${String(makePrng(`${seed}|phone|${pin}`).int(0, 999)).padStart(3, '0')}`;

export function identityDesk(options: { seed: string; now: () => Date; devicePublicKey: (device: string) => string | undefined }) {
  const challenges = new Map<string, Challenge>();
  const phone: PhoneMessage[] = [];
  const nowMs = () => options.now().getTime();

  const current = (c: Challenge): Challenge => {
    if (c.status === 'pending' && nowMs() >= c.expiresAt) c.status = 'expired';
    return c;
  };
  const view = (c: Challenge) => ({ challengeId: c.id, status: current(c).status, expiresAt: new Date(c.expiresAt).toISOString() });
  const own = (id: string, device: string): Challenge => {
    const c = challenges.get(id);
    if (!c || c.device !== device) throw new HttpError(404, 'challenge-not-found', 'No such challenge for this device.');
    return current(c);
  };

  /** The signed evidence, or null when the request carries none (a typed number, as far as the centre can tell). */
  function readEvidence(req: IncomingMessage, device: string, pin: string): IdentityEvidence | null {
    const body = header(req, 'x-identity-evidence');
    if (body === undefined) return null;
    const signature = header(req, 'x-identity-signature') ?? '';
    const bytes = Buffer.from(body, 'base64url');
    let parsed: IdentityEvidence;
    let key: KeyObject;
    try {
      parsed = evidenceSchema.parse(JSON.parse(bytes.toString('utf8')));
      key = createPublicKey({ key: Buffer.from(parsed.publicKey, 'base64url'), format: 'der', type: 'spki' });
    } catch {
      throw new HttpError(400, 'bad-evidence', 'X-Identity-Evidence is not base64url JSON of the evidence shape.');
    }
    const registered = options.devicePublicKey(device);
    // A registered device signs with the key it registered; the operator's token is trusted as it is.
    const keyMatches = registered === undefined || createPublicKey(registered).export({ type: 'spki', format: 'der' }).equals(key.export({ type: 'spki', format: 'der' }));
    if (!keyMatches || key.asymmetricKeyType !== 'ed25519' || !verify(null, bytes, key, Buffer.from(signature, 'base64url'))) {
      throw new HttpError(403, 'evidence-invalid', 'The evidence is not signed by this device’s key.');
    }
    if (parsed.personalNumber !== pin || Math.abs(Date.parse(parsed.issuedAt) - nowMs()) > EVIDENCE_SKEW_MS || Number.isNaN(Date.parse(parsed.issuedAt))) {
      throw new HttpError(403, 'evidence-invalid', 'The evidence is for another person or not from this moment.');
    }
    return parsed;
  }

  /** Whether the evidence is strong enough to release a person's data; the reason otherwise. */
  function levelHolds(evidence: IdentityEvidence, device: string): boolean {
    if (!LEVELS_THAT_RELEASE.has(evidence.level)) return false;
    if (evidence.level === 'chip') {
      const chip = evidence.chip;
      return chip !== undefined && chip.passiveAuth === 'valid' && chip.chipAuth !== 'invalid' && chip.dataGroupHashes['1'] !== undefined && chip.dataGroupHashes['13'] !== undefined;
    }
    if (evidence.level === 'holder-confirmed') {
      const c = evidence.challengeId === undefined ? undefined : challenges.get(evidence.challengeId);
      return c !== undefined && c.device === device && c.pin === evidence.personalNumber && c.status === 'confirmed' && c.confirmedAt !== null && nowMs() < c.confirmedAt + CONFIRMED_TTL_MS;
    }
    return evidence.officer !== undefined;
  }

  return {
    /**
     * Refuses a release the evidence does not carry: first the level (403 assurance-too-low), then
     * the birth date against the person's (403 identity-mismatch).
     */
    authorise(req: IncomingMessage, device: string, pin: string, personBirthDate: string): IdentityEvidence {
      const evidence = readEvidence(req, device, pin);
      if (evidence === null || !levelHolds(evidence, device)) {
        throw new HttpError(403, 'assurance-too-low', 'This identification does not release the person’s data: read the card’s chip, confirm on the registered phone, or have an officer check the card.');
      }
      if (evidence.birthDate !== personBirthDate) throw new HttpError(403, 'identity-mismatch', 'The birth date is not the person’s.');
      return evidence;
    },
    /** POST /v1/identity/challenges: a one-time code to the person's registered phone. */
    open(body: unknown, device: string, personBirthDate: (pin: string) => string | null) {
      const parsed = challengeRequest.safeParse(body);
      if (!parsed.success) throw new HttpError(400, 'bad-challenge', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
      const { pin, birthDate } = parsed.data;
      const born = personBirthDate(pin);
      if (born === null) throw new HttpError(404, 'citizen-not-found', 'No citizen with this personal number.');
      if (born !== birthDate) throw new HttpError(403, 'identity-mismatch', 'The birth date is not the person’s.');
      const sentAt = nowMs();
      // A long soak opens thousands: what can no longer vouch for anyone is forgotten.
      for (const [id, old] of challenges) if (sentAt > old.expiresAt + CONFIRMED_TTL_MS) challenges.delete(id);
      if (phone.length >= PHONE_KEPT) phone.splice(0, phone.length - PHONE_KEPT + 1);
      const c: Challenge = {
        id: randomUUID(),
        pin,
        device,
        code: String(randomInt(0, 1_000_000)).padStart(6, '0'),
        phoneHint: phoneHintOf(options.seed, pin),
        sentAt,
        expiresAt: sentAt + CHALLENGE_TTL_MS,
        status: 'pending',
        confirmedAt: null,
        wrong: 0,
      };
      challenges.set(c.id, c);
      phone.push({
        challengeId: c.id,
        pin,
        phoneHint: c.phoneHint,
        code: c.code,
        at: new Date(sentAt).toISOString(),
        text: `Mã xác nhận MotCua: ${c.code}. Chỉ nhập mã này tại máy của trung tâm hành chính công khi Ông/Bà đang ở đó. / MotCua confirmation code: ${c.code}.`,
      });
      return { ...view(c), phoneHint: c.phoneHint };
    },
    /** GET /v1/identity/challenges/{id}: the kiosk polls while the citizen approves in the app. */
    status: (id: string, device: string) => view(own(id, device)),
    /** POST /v1/identity/challenges/{id}/confirm {code}. */
    confirm(id: string, device: string, body: unknown) {
      const c = own(id, device);
      const parsed = confirmRequest.safeParse(body);
      if (!parsed.success) throw new HttpError(400, 'bad-code', 'The code is six digits.');
      if (c.status === 'expired') throw new HttpError(410, 'challenge-expired', 'The code has run out; ask for a new one.');
      if (c.status === 'refused') throw new HttpError(409, 'challenge-refused', 'Too many wrong codes; ask for a new one.');
      if (c.status === 'pending' && parsed.data.code !== c.code) {
        c.wrong += 1;
        if (c.wrong >= WRONG_CODES_ALLOWED) c.status = 'refused';
        throw new HttpError(403, 'wrong-code', 'The code is not the one sent.');
      }
      if (c.status === 'pending') {
        c.status = 'confirmed';
        c.confirmedAt = nowMs();
      }
      return view(c);
    },
    /** Test control: the messages the "phone" received, newest last. */
    phoneMessages: (): PhoneMessage[] => [...phone],
    /** Test control: the holder approves in the e-ID app, as a poll will then see. */
    approve(id: string) {
      const c = challenges.get(id);
      if (!c) throw new HttpError(404, 'challenge-not-found', 'No such challenge.');
      if (current(c).status === 'pending') {
        c.status = 'confirmed';
        c.confirmedAt = nowMs();
      }
      return view(c);
    },
  };
}

export type IdentityDesk = ReturnType<typeof identityDesk>;
