import type { AuditRow } from '../../electron/db/audit-repository';
import { AUDIT_GENESIS, AuditRepository } from '../../electron/db/audit-repository';
import type { Db } from '../../electron/db/connection';
import { rowHash } from '../../electron/security/audit';
import type { AuditEntryWire } from './central-sim/audit';
import type { CentralSim } from './central-sim/server';

/** The audit entries the centre holds from a device ('operator': shipped with the operator's token). */
export const centralAudit = (sim: CentralSim, device = 'operator'): AuditEntryWire[] => sim.store.auditEntries(device) as AuditEntryWire[];

/**
 * Whether the centre's copy holds as one chain from the genesis, checked with the kiosk's own hash
 * function (the centre computed its check independently): ids increasing, each entry chaining from the one before.
 */
export function centralChainHolds(entries: AuditEntryWire[]): boolean {
  let prev = AUDIT_GENESIS;
  let lastId = 0;
  for (const e of entries) {
    const row: Omit<AuditRow, 'id' | 'hash'> = { at: e.at, session: e.session, role: e.role, channel: e.channel, purpose: e.purpose, legal_basis: e.legalBasis, subject: e.subject, outcome: e.outcome, actor: e.actor, target: e.target, assurance: e.assurance ?? null, prev_hash: e.prevHash };
    if (e.id <= lastId || e.prevHash !== prev || rowHash(row) !== e.hash) return false;
    prev = e.hash;
    lastId = e.id;
  }
  return true;
}

/** A machine's whole trail as who did what: what the centre holds from it, then the rows not yet shipped. */
export function wholeAudit(sim: CentralSim, db: Db, device = 'operator'): { session: string; channel: string; outcome: string; actor: string | null }[] {
  return [...centralAudit(sim, device), ...new AuditRepository(db).all()].map(({ session, channel, outcome, actor }) => ({ session, channel, outcome, actor }));
}
