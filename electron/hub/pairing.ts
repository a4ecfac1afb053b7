import { prepared } from './prepared';
import { randomInt } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { keyIdOf } from '../security/device-signing';
import type { HubDb } from './hub-db';
import { codeProof, ed25519PublicKey, pairAnswerText, pairRequestText, provesCode, verifyText } from './hub-wire';

export const MACHINE_ROLES = ['kiosk', 'counter', 'display', 'rating'] as const;
export type MachineRole = (typeof MACHINE_ROLES)[number];

export interface Machine {
  keyId: string;
  publicKey: KeyObject;
  role: MachineRole;
  /** K1, K2 … (kiosks), 1, 2 … (counters: the number announced), D1 …, R1 … */
  label: string;
}

/** Letters and digits a technician reads and types without confusion (no I, O, 0, 1). */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
/** Twelve characters from 32: 60 bits, so the transcript of one pairing does not give the code away by guessing. */
export const newPairingCode = () =>
  Array.from({ length: 3 }, () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('')).join('-');

/** Wrong codes allowed before the code is void (a new one must be shown). */
const MAX_WRONG = 5;

export class PairingRefused extends Error {}

const LABEL_PREFIX: Record<MachineRole, string> = { kiosk: 'K', counter: '', display: 'D', rating: 'R' };

/**
 * The machines paired with this hub. The pairing code is valid for the window the hub opens
 * (each machine pairs once within it) and void after MAX_WRONG wrong tries.
 */
export class Pairing {
  private wrong = 0;
  /** Every request names its machine: the keys are parsed once, not per request. */
  private readonly known = new Map<string, Machine>();

  constructor(
    private readonly db: HubDb,
    private code: string | null,
    private readonly until: number,
    private readonly now: () => number,
  ) {}

  get open(): boolean {
    return this.code !== null && this.now() < this.until;
  }

  machine(keyId: string): Machine | null {
    const cached = this.known.get(keyId);
    if (cached) return cached;
    const row = prepared(this.db, 'SELECT key_id, public_key, role, label FROM machines WHERE key_id = ?').get(keyId) as
      | { key_id: string; public_key: string; role: MachineRole; label: string }
      | undefined;
    if (!row) return null;
    const machine: Machine = { keyId: row.key_id, publicKey: ed25519PublicKey(row.public_key), role: row.role, label: row.label };
    this.known.set(keyId, machine);
    return machine;
  }

  /**
   * Checks the machine's proof of the code and of its key, records it with a label (the same
   * machine pairing again keeps its label, under its new role's numbering if the role changed),
   * and returns the hub's answer proving the code in turn.
   */
  pair(input: { publicKey: string; role: MachineRole; nonce: string; proof: string; signature: string }, hubKeyPem: string): { machine: Machine; proof: string } {
    if (!this.open || this.code === null) throw new PairingRefused('pairing is closed');
    const text = pairRequestText(input.publicKey, input.role, input.nonce);
    const key = ed25519PublicKey(input.publicKey);
    if (!verifyText(text, input.signature, key)) throw new PairingRefused('bad signature');
    if (!provesCode(this.code, text, input.proof)) {
      if (++this.wrong >= MAX_WRONG) this.code = null;
      throw new PairingRefused('wrong code');
    }
    const keyId = keyIdOf(key);
    const machine = this.db.transaction(() => {
      const known = this.machine(keyId);
      if (known && known.role === input.role) return known;
      this.known.delete(keyId);
      const label = this.nextLabel(input.role);
      prepared(this.db, 'INSERT INTO machines (key_id, public_key, role, label, paired_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (key_id) DO UPDATE SET role = excluded.role, label = excluded.label')
        .run(keyId, input.publicKey, input.role, label, new Date(this.now()).toISOString());
      return { keyId, publicKey: key, role: input.role, label };
    })();
    return { machine, proof: codeProof(this.code, pairAnswerText(hubKeyPem, keyId, input.nonce)) };
  }

  private nextLabel(role: MachineRole): string {
    const labels = (prepared(this.db, 'SELECT label FROM machines WHERE role = ?').all(role) as { label: string }[]).map((r) => Number(r.label.replace(/\D/g, '')));
    return `${LABEL_PREFIX[role]}${Math.max(0, ...labels) + 1}`;
  }
}
