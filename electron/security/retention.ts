import type { Db } from '../db/connection';
import {
  purgeClosedCases,
  purgeConsents,
  purgeDrafts,
  purgeOtherCentresCases,
  reduceSentBodies,
} from '../db/retention-purges';
import type { SettingsRepository } from '../db/settings-repository';
import type { AuditEntry } from './audit';

/**
 * How long this machine keeps personal data: each period in days, counted from the time
 * named, after which the next run deletes (or reduces) the row. Personal data is kept only as long
 * as its purpose needs it (Luật Bảo vệ dữ liệu cá nhân 2025, 91/2025/QH15); the central system
 * keeps the record of reference, this machine only a working copy. The README has the same table.
 * Each period can be overridden by the setting `retention.<name>` (whole days, 0–3650).
 */
export const DEFAULT_POLICY = {
  /**
   * A refusal (subject hash and purpose only), from when it was recorded. A kiosk turn's end deletes
   * its consents (the audit's `consent.decision` entry is the proof): this applies to a counter's and
   * to a kiosk's that a crash or a power cut left before the wipe; to answer a question about a visit.
   */
  refusedConsentDays: 30,
  /** An acceptance, from when it expired (minutes after the visit), of those a turn's end did not remove (as above): the same month to answer for a fetch made under it. */
  expiredConsentDays: 30,
  /** A draft never printed nor submitted, or printed at a kiosk with the whole dossier in its QR, from its last change: a turn's end deletes both at once; this catches those a crash or a power cut left. */
  unkeptDraftDays: 1,
  /** A printed draft never submitted whose QR is a reference (the counter reads this copy), printed at a counter, or printed before the kind was recorded, from its last change. */
  printedDraftDays: 30,
  /** A submitted draft, its counter review, submission and outbox rows, from the centre's acknowledgement: questions about the reception come in the first weeks, then the case is in the synced cases. Never while a sending is pending or refused. */
  submittedDraftDays: 30,
  /** A sent dossier's body (the applicant and the form), from the acknowledgement: only a resend needs it, and the centre has answered; the receipt and the procedure code stay. */
  sentBodyDays: 7,
  /** A case another centre received, from its last update: this machine has no purpose for it (the feed may carry the province). */
  otherCentreCaseDays: 0,
  /** A closed case of this centre (completed, rejected, returned), from its last update: one year to take an administrative decision to court, and a year's margin for questions at the counter. Open cases are never purged. */
  closedCaseDays: 730,
} as const;

export type RetentionPolicy = { -readonly [K in keyof typeof DEFAULT_POLICY]: number };
export type RetentionRule = keyof RetentionPolicy;

export const RETENTION_SETTING_PREFIX = 'retention.';
const MAX_DAYS = 3650;
const DAY_MS = 24 * 3600_000;

/** The policy with the settings' overrides; an invalid one is logged and its default used. */
export function policyFromSettings(settings: Pick<SettingsRepository, 'get'>, log: (line: string) => void = () => {}): RetentionPolicy {
  const policy: RetentionPolicy = { ...DEFAULT_POLICY };
  for (const rule of Object.keys(DEFAULT_POLICY) as RetentionRule[]) {
    const key = `${RETENTION_SETTING_PREFIX}${rule}`;
    const text = settings.get(key);
    if (text === null) continue;
    const days = /^\d{1,4}$/.test(text.trim()) ? Number(text.trim()) : NaN;
    if (days >= 0 && days <= MAX_DAYS) policy[rule] = days;
    else log(`retention: setting ${key} = ${JSON.stringify(text.slice(0, 40))} is not a whole number of days 0–${MAX_DAYS}; the default ${DEFAULT_POLICY[rule]} is used`);
  }
  return policy;
}

export interface PurgeCounts {
  consents: number;
  drafts: number;
  sentBodiesReduced: number;
  otherCentreCases: number;
  closedCases: number;
}

export interface PurgeOptions {
  policy: RetentionPolicy;
  now: Date;
  /** This machine's centre (setting `centre.code`); null: unknown, other centres' cases are left alone. */
  ownCentre: string | null;
  /** Every step runs and is rolled back: the counts of what a run would do, nothing changed. */
  dryRun?: boolean;
}

const ROLLBACK = Symbol('dry run');

/** One step in its own write transaction; rolled back on a dry run. */
function step(db: Db, dryRun: boolean, work: () => number): number {
  let count = 0;
  try {
    db.transaction(() => {
      count = work();
      if (dryRun) throw ROLLBACK;
    }).immediate();
  } catch (error) {
    if (error !== ROLLBACK) throw error;
  }
  return count;
}

const noCounts = (): PurgeCounts => ({ consents: 0, drafts: 0, sentBodiesReduced: 0, otherCentreCases: 0, closedCases: 0 });

/**
 * Applies the policy once: one transaction per kind of row, each committed as it ends. `counts`
 * fills as the steps end, so a caller still knows what went when a later step throws.
 */
export function purge(db: Db, { policy, now, ownCentre, dryRun = false }: PurgeOptions, counts: PurgeCounts = noCounts()): PurgeCounts {
  const before = (days: number) => new Date(now.getTime() - days * DAY_MS).toISOString();
  counts.consents = step(db, dryRun, () => purgeConsents(db, before(policy.refusedConsentDays), before(policy.expiredConsentDays)));
  counts.drafts = step(db, dryRun, () =>
    purgeDrafts(db, {
      unkeptBefore: before(policy.unkeptDraftDays),
      printedBefore: before(policy.printedDraftDays),
      receivedBefore: before(policy.submittedDraftDays),
    }),
  );
  if (ownCentre !== null) counts.otherCentreCases = step(db, dryRun, () => purgeOtherCentresCases(db, ownCentre, before(policy.otherCentreCaseDays)));
  counts.closedCases = step(db, dryRun, () => purgeClosedCases(db, before(policy.closedCaseDays)));
  // Last: it alone needs the data key, which a CLI cannot open where the app's OS keyring sealed it.
  counts.sentBodiesReduced = step(db, dryRun, () => reduceSentBodies(db, before(policy.sentBodyDays), now.toISOString()));
  return counts;
}

export const countsText = (c: PurgeCounts): string =>
  Object.entries(c)
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');

/** The audit entry of a run: who (the system), what (the purge), why (the policy), how many; no personal data. */
export function purgeAuditEntry(counts: PurgeCounts, via: 'schedule' | 'cli'): AuditEntry {
  return {
    session: `system:retention:${via}`,
    role: 'system',
    channel: 'retention.purge',
    purpose: 'retention',
    legalBasis: 'Luật Bảo vệ dữ liệu cá nhân 2025 (91/2025/QH15): dữ liệu cá nhân chỉ lưu trong thời gian phù hợp với mục đích xử lý / kept only as long as the purpose needs',
    subject: null,
    outcome: countsText(counts),
    actor: 'system',
  };
}

export interface RetentionRunDeps {
  db: Db;
  settings: Pick<SettingsRepository, 'get'>;
  audit: { record(entry: AuditEntry): void };
  now: () => Date;
  log: (line: string) => void;
  via: 'schedule' | 'cli';
  dryRun?: boolean;
}

/**
 * One run: the policy from the settings, the purge, a log line with the counts and, when it
 * deleted or reduced anything, one audit entry (a run that touched nothing used no personal data).
 */
export function runRetention({ db, settings, audit, now, log, via, dryRun = false }: RetentionRunDeps): PurgeCounts {
  const ownCentre = settings.get('centre.code');
  const counts = noCounts();
  let failure: unknown = null;
  try {
    purge(db, { policy: policyFromSettings(settings, log), now: now(), ownCentre, dryRun }, counts);
  } catch (error) {
    failure = error;
  }
  if (ownCentre === null) log("retention: this machine has no centre code yet; other centres' cases are kept");
  log(`retention${dryRun ? ' (dry run)' : ''}${failure === null ? '' : ' (stopped by an error)'}: ${countsText(counts)}`);
  if (!dryRun && Object.values(counts).some((n) => n > 0)) audit.record(purgeAuditEntry(counts, via));
  if (failure !== null) throw failure;
  return counts;
}

/** The clock and timers the schedule uses: the real ones, or a test's fake clock. */
export interface RetentionClock {
  now(): Date;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const RETENTION_INTERVAL_MS = DAY_MS;

export const realClock: RetentionClock = {
  now: () => new Date(),
  setTimeout: (run, ms) => setTimeout(run, ms).unref(),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/** Runs `run` right after start (the host comes up first) and then every day; a failed run is retried the next day. */
export function scheduleRetention(run: () => void, onError: (error: unknown) => void, timers: RetentionClock = realClock): { stop(): void } {
  let handle: unknown;
  let stopped = false;
  const tick = (): void => {
    if (stopped) return;
    try {
      run();
    } catch (error) {
      onError(error);
    }
    if (!stopped) handle = timers.setTimeout(tick, RETENTION_INTERVAL_MS);
  };
  handle = timers.setTimeout(tick, 0);
  return {
    stop: () => {
      stopped = true;
      timers.clearTimeout(handle);
    },
  };
}
