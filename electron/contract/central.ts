import { z } from 'zod';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * https anywhere, plain http only to this machine (a local test centre): a token never crosses a
 * network in clear. No user info (where a password could hide). Read without URL: the contract
 * runs where no URL global is typed.
 */
export function isAllowedEndpoint(value: string): boolean {
  const m = /^(https?):\/\/([^/?#]*)/i.exec(value.trim());
  if (!m || m[2]!.includes('@') || m[2] === '') return false;
  if (m[1]!.toLowerCase() === 'https') return true;
  const host = m[2]!.toLowerCase().replace(/:\d*$/, '');
  return LOOPBACK_HOSTS.has(host);
}

/** The central API's base URL (also an update feed's): the one rule for the console, provisioning and the CLI. */
export const centralEndpoint = z.string().trim().max(500).url().refine(isAllowedEndpoint, 'https, or http on this machine only');

export const centreCode = z.string().regex(/^[A-Z0-9][A-Z0-9.-]{0,31}$/, 'capital letters, digits, dots and dashes');
export const machineRole = z.enum(['kiosk', 'counter']);

const pem = z.string().max(2000);

/** How the last `central.test` went; the screens say each outcome in a calm sentence. */
export const centralTestOutcome = z.enum(['ok', 'not-configured', 'not-registered', 'unreachable', 'bad-token', 'wrong-central-key', 'error']);
export type CentralTestOutcome = z.infer<typeof centralTestOutcome>;
export const centralTestResult = z.object({ outcome: centralTestOutcome, at: z.string() });

export const centralStatus = z.object({
  endpoint: z.string().nullable(),
  /** Whether this machine holds a device token for the endpoint. */
  registered: z.boolean(),
  deviceId: z.string().nullable(),
  centreCode: z.string().nullable(),
  role: machineRole.nullable(),
  /** SHA-256 (hex, first 16 bytes) of the device's public key (SPKI DER), once registered. */
  keyFingerprint: z.string().nullable(),
  /** The same of the pinned central key: compare it with the one the centre's IT gives. */
  centralKeyFingerprint: z.string().nullable(),
  updateUrl: z.string().nullable(),
  /** Where secrets are sealed: the OS keyring (Electron safeStorage) or this machine's key file. */
  secretStore: z.enum(['os', 'key-file']),
  lastTest: centralTestResult.nullable(),
});
export type CentralStatus = z.infer<typeof centralStatus>;

export const centralConfigure = z
  .object({
    endpoint: centralEndpoint,
    centralPublicKeyPem: pem.min(1),
    /** The folder updates are served from (electron-builder's generic provider); null: no checks. */
    updateUrl: centralEndpoint.nullable().optional(),
  })
  .strict();

export const centralRegister = z
  .object({
    enrolmentCode: z.string().trim().min(4).max(64),
    centreCode,
    /** Defaults to the provisioned role, else kiosk. */
    role: machineRole.optional(),
  })
  .strict();
