/**
 * Fault injection: what a real centre does on a bad day, switched on by CLI flags or by
 * POST /_control/faults, so client tests can prove they survive it.
 */
import { z } from 'zod';

export const faultsSchema = z.strictObject({
  /** Delay before every /v1 request is answered. */
  latencyMs: z.number().int().min(0).max(60_000).optional(),
  /** The next `count` /v1 requests fail with `status` and Retry-After. */
  failNext: z.strictObject({
    count: z.number().int().min(1),
    status: z.union([z.literal(429), z.literal(503)]),
    retryAfterSeconds: z.number().int().min(0).default(1),
  }).optional(),
  /** A /v1/changes body is cut (socket destroyed) after this many bytes. */
  cutAfterBytes: z.number().int().min(0).optional(),
  /** The checkpoint's sig does not verify (the hash is still right). */
  badSignature: z.boolean().optional(),
  /** The first change line of each batch is sent twice (and hashed as sent). */
  duplicateLines: z.boolean().optional(),
  /** POST /v1/dossiers answers 422 `code`/`message` to a dossier whose fields[field] is `value`: a central rule the client does not know. */
  refuseDossier: z.strictObject({ field: z.string().min(1), value: z.string(), code: z.string().min(1), message: z.string().min(1) }).optional(),
  /** The /v1/changes body trickles out `bytes` at a time, one slice every `tickMs`. */
  drip: z.strictObject({ bytes: z.number().int().min(1), tickMs: z.number().int().min(0) }).optional(),
  /** The centre is unreachable: every /v1 request's connection is reset unanswered (/_control still answers, to switch it back). */
  down: z.boolean().optional(),
  /** POST /v1/dossiers does its work (the case made, the key remembered), then the connection is reset: the answer is lost on the way back. */
  loseDossierReply: z.boolean().optional(),
  /** POST /v1/audit keeps the entries, then the connection is reset: the device must re-send them, and they must not be kept twice. */
  loseAuditReply: z.boolean().optional(),
});
export type Faults = z.input<typeof faultsSchema>;
export type ActiveFaults = z.output<typeof faultsSchema>;

export interface FaultState {
  get(): ActiveFaults;
  set(f: Faults): ActiveFaults;
  /** Consumes one of the `failNext` failures if any are left. */
  takeFailure(): { status: 429 | 503; retryAfterSeconds: number } | undefined;
}

export function makeFaultState(initial: Faults = {}): FaultState {
  let faults = faultsSchema.parse(initial);
  return {
    get: () => faults,
    set: (f) => (faults = faultsSchema.parse(f)),
    takeFailure: () => {
      const fail = faults.failNext;
      if (!fail) return undefined;
      faults = fail.count > 1 ? { ...faults, failNext: { ...fail, count: fail.count - 1 } } : { ...faults, failNext: undefined };
      return { status: fail.status, retryAfterSeconds: fail.retryAfterSeconds };
    },
  };
}
