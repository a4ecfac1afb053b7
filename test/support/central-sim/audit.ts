/**
 * POST /v1/audit: a device ships its personal-data audit log, oldest first. The centre keeps each
 * device's chain: a new entry must chain from the last one accepted and its hash must be the one
 * computed here from its fields, else the whole batch is a 409 and nothing of it is kept. Entries
 * at or below the accepted head are acknowledged again if they are the ones held (a re-send after
 * a lost answer), so a re-send never duplicates. A device's first batch starts a chain at the
 * genesis, or carries on the chain that holds its first entry's prevHash: the same machine
 * registered again (the demo does at every start), which alone knows that hash.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { HttpError } from './http-util';
import type { CentralStore } from './store';

export const AUDIT_GENESIS = '0'.repeat(64);
export const MAX_AUDIT_ENTRIES = 500;

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const text = z.string().max(1000);
const entrySchema = z.strictObject({
  id: z.number().int().min(1),
  at: text,
  session: text,
  role: text,
  channel: text,
  purpose: text,
  legalBasis: text,
  subject: hex64.nullable(),
  outcome: text,
  actor: text.nullable(),
  target: text.nullable(),
  /** Absent from devices older than identity assurance: read as null. */
  assurance: text.nullable().default(null),
  prevHash: hex64,
  hash: hex64,
});
const batchSchema = z.strictObject({ entries: z.array(entrySchema).min(1).max(MAX_AUDIT_ENTRIES) });
export type AuditEntryWire = z.infer<typeof entrySchema>;

/** The chain hash as the API spec states it (AuditEntry in resources/central-api.yaml), computed independently of the client. */
function chainHash(e: AuditEntryWire): string {
  const fields = [e.prevHash, e.at, e.session, e.role, e.channel, e.purpose, e.legalBasis, e.subject, e.outcome];
  if (e.actor !== null || e.target !== null || e.assurance !== null) fields.push(e.actor, e.target);
  if (e.assurance !== null) fields.push(e.assurance);
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}

/** The 409: what broke, and the head the centre holds, so the device's technician can see where the two part. */
class ChainBreak extends HttpError {
  constructor(message: string, head: { through: number; hash: string }) {
    super(409, 'audit-chain-break', message);
    this.extra = head;
  }
}

/** A device's first batch: a new chain from the genesis, or the one that holds `prevHash` (in the caller's transaction). */
function startChain(store: CentralStore, device: string, prevHash: string): string {
  const chain = prevHash === AUDIT_GENESIS ? device : store.auditChainHolding(prevHash);
  if (chain === undefined) throw new ChainBreak('The first entry neither starts a chain nor continues one this centre holds.', { through: 0, hash: AUDIT_GENESIS });
  store.joinAuditChain(device, chain);
  return chain;
}

export function receiveAudit(store: CentralStore, device: string, body: unknown): { through: number; hash: string } {
  const parsed = batchSchema.safeParse(body);
  if (!parsed.success) throw new HttpError(400, 'bad-audit', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  const { entries } = parsed.data;
  entries.forEach((e, i) => {
    if (i > 0 && e.id <= entries[i - 1]!.id) throw new HttpError(400, 'bad-audit', `entries.${i}.id: ids must increase`);
  });
  return store.transaction(() => {
    const chain = store.auditChainOf(device) ?? startChain(store, device, entries[0]!.prevHash);
    let head = store.auditHead(chain) ?? { through: 0, hash: AUDIT_GENESIS };
    for (const e of entries) {
      // Checked first, so a re-sent entry with the held hash but other fields is no match either.
      if (chainHash(e) !== e.hash) throw new ChainBreak(`Entry ${e.id}'s hash does not match its fields.`, head);
      if (e.id <= head.through) {
        if (store.auditHash(chain, e.id) !== e.hash) throw new ChainBreak(`Entry ${e.id} differs from the one this centre holds under that id.`, head);
        continue;
      }
      if (e.prevHash !== head.hash) throw new ChainBreak(`Entry ${e.id} does not chain from entry ${head.through}, the last this centre accepted.`, head);
      store.appendAudit(chain, e.id, e.hash, JSON.stringify(e));
      head = { through: e.id, hash: e.hash };
    }
    const last = entries[entries.length - 1]!;
    return { through: last.id, hash: last.hash };
  });
}
