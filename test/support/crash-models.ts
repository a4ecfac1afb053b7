import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { openAsItIs } from './db-file';
import { channels, isChannelName } from '../../electron/contract';
import { CaseSearch } from '../../electron/db/case-search';
import { fieldCipherOf } from '../../electron/db/field-encryption';
import { openDatabaseFile, type Db } from '../../electron/db/connection';
import { KIOSK_SETTINGS } from '../../electron/host/kiosk-options-handlers';
import { CALENDAR_SETTINGS } from '../../electron/host/centre-calendar';
import { keyFileSecretStore } from '../../electron/security/secret-store';
import { DB_FILE, childName, kioskOptionsFor, printedAs, secretFor, type CrashKind, type CrashOp } from './crash-ops';
import { CONSENT_NOTICES, noticeVersion } from '../../electron/security/consent';
import { loadMigrations } from '../../electron/db/migrations';
import { CASES_PER_BATCH, deviceFor, MIGRATIONS_DIR, OLD_SCHEMA, OLD_SUBMISSIONS, outboxBody } from './crash-writes-db';
import { SECRET_SETTING } from './crash-writes-host';

// The power-loss test's model of each kind: what the database must hold after a list of committed
// ops (`reduce` from `initial`), and what it does hold (`project`, read through the app's own open
// function, personal columns decrypted as the repositories decrypt them). The test compares them after every kill.

type State = Record<string, unknown>;

export interface CrashModel<S extends State = State> {
  initial: S;
  reduce(state: S, op: CrashOp): S;
  /** What the files hold, in the shape of the state. `db` is the main file as the app opens it (or, with `files`, an empty one). */
  project(db: Db, dir: string): S;
  /** The files the app must open after a kill (default: the main database). */
  files?(dir: string): string[];
  /** Further checks of a file the app has opened (and may bring up to date, as its driver would). */
  afterOpen?(db: Db, dir: string): void;
}

/** A target's random token and times, by their shape only (a consent decision names both). */
const shape = (target: string) => target.replace(/[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}/g, 'ID').replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, 'TIME');

/** `channel|outcome|target` of every audit row, in order. */
const auditRows = (db: Db): string[] =>
  hasTable(db, 'audit_log')
    ? db.prepare<[], { channel: string; outcome: string; target: string | null }>('SELECT channel, outcome, target FROM audit_log ORDER BY id').all().map((r) => `${r.channel}|${r.outcome}|${shape(r.target ?? '')}`)
    : [];
const hasTable = (db: Db, name: string) => db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;

/** What the router appends to the audit after a successful call of `channel`. */
const routed = (audit: string[], channel: string): string[] =>
  isChannelName(channel) && channels[channel].personalData ? [...audit, `${channel}|ok|`] : audit;

const sorted = (xs: string[]) => [...xs].sort();
const replaceOne = (xs: string[], from: string, to: string | null): string[] => {
  const i = xs.indexOf(from);
  if (i < 0) return [...xs, `MISSING ${from}`];
  return sorted(to === null ? xs.filter((_, j) => j !== i) : xs.map((x, j) => (j === i ? to : x)));
};

/** A personal column's value in clear, opened with the connection's field cipher as the repositories open it. */
const clear = (db: Db, table: string, column: string, row: string, stored: string): string => fieldCipherOf(db).decrypt(stored, { table, column, row });

/** The child's name in a draft's data ('' before the citizen has filled it in). */
const nameIn = (db: Db, id: string, data: string) =>
  ((JSON.parse(clear(db, 'drafts', 'data', id, data)) as { fields: Record<string, { value: unknown }> }).fields['child.fullName']?.value as string | null) || '';

/** `child name|status` of every draft. */
const draftRows = (db: Db): string[] =>
  sorted(
    db
      .prepare<[], { id: string; data: string; status: string }>('SELECT id, data, status FROM drafts')
      .all()
      .map((r) => `${nameIn(db, r.id, r.data)}|${r.status}`),
  );

interface DraftState extends State {
  drafts: string[];
  audit: string[];
}
const CHANNEL_OF: Record<string, string> = { open: 'citizen.open', prepare: 'dossier.prepare', update: 'dossier.update', print: 'dossier.print', close: 'citizen.close' };

/** A kiosk citizen's dossier: open, prepare, fill in, print, close (the wipe of what was not printed, or printed whole in its QR). */
function kioskDraft(s: DraftState, { op, k }: CrashOp): DraftState {
  const name = childName(k);
  const wiped = printedAs(k) === 'qr' ? `${name}|printed` : `${name}|draft`;
  const drafts =
    op === 'prepare' ? sorted([...s.drafts, '|draft'])
    : op === 'update' ? replaceOne(s.drafts, '|draft', `${name}|draft`)
    : op === 'print' ? replaceOne(s.drafts, `${name}|draft`, `${name}|printed`)
    : op === 'close' && s.drafts.includes(wiped) ? replaceOne(s.drafts, wiped, null)
    : s.drafts;
  return { ...s, drafts, audit: routed(s.audit, CHANNEL_OF[op]!) };
}

const drafts: CrashModel<DraftState> = {
  initial: { drafts: [], audit: [] },
  reduce: kioskDraft,
  project: (db) => ({ drafts: draftRows(db), audit: auditRows(db) }),
};

/** The audit row that proves a decision (committed with the consent row), as `auditRows` shows it. */
const decisionRow = (accepted: boolean) =>
  `consent.decision|${accepted ? 'accepted' : 'declined'}|consent:ID notice:${noticeVersion(CONSENT_NOTICES['proactive-services'])}${accepted ? ' until:TIME' : ''}`;

/** Each session's decisions in order ('accepted,declined'), sessions sorted: a killed writer's turn is never closed, so its rows stay. */
function consentsBySession(db: Db): string[] {
  const bySession = new Map<string, string[]>();
  for (const r of db.prepare<[], { session: string; accepted: number; expires_at: string | null }>('SELECT session, accepted, expires_at FROM consents ORDER BY rowid').all()) {
    const decision = r.accepted === 1 && r.expires_at !== null ? 'accepted' : r.accepted === 0 && r.expires_at === null ? 'declined' : `odd ${JSON.stringify(r)}`;
    bySession.set(r.session, [...(bySession.get(r.session) ?? []), decision]);
  }
  return sorted([...bySession.values()].map((d) => d.join(',')));
}

/** A kiosk turn: open, a dossier begun, accept, decline, close (its unkept draft and its consents wiped in one transaction). */
const consent: CrashModel<{ consents: string[]; drafts: number; audit: string[] }> = {
  initial: { consents: [], drafts: 0, audit: [] },
  reduce: (s, { op }) =>
    op === 'open' ? { ...s, audit: routed(s.audit, 'citizen.open') }
    : op === 'prepare' ? { ...s, drafts: s.drafts + 1, audit: routed(s.audit, 'dossier.prepare') }
    : op === 'close' ? { ...s, consents: replaceOne(s.consents, 'accepted,declined', null), drafts: s.drafts - 1 }
    : {
        ...s,
        consents: op === 'accept' ? sorted([...s.consents, 'accepted']) : replaceOne(s.consents, 'accepted', 'accepted,declined'),
        audit: routed([...s.audit, decisionRow(op === 'accept')], 'consent.decide'),
      },
  project: (db) => ({ consents: consentsBySession(db), drafts: db.prepare("SELECT count(*) FROM drafts WHERE status = 'draft'").pluck().get() as number, audit: auditRows(db) }),
};

interface CounterState extends DraftState {
  reviews: string[];
  submissions: string[];
  outboxRows: number;
}
const counter: CrashModel<CounterState> = {
  initial: { drafts: [], audit: [], reviews: [], submissions: [], outboxRows: 0 },
  reduce: (s, step) => {
    const name = childName(step.k);
    switch (step.op) {
      case 'login':
        return { ...s, audit: routed([...s.audit, 'auth.login|ok|'], 'auth.login') };
      case 'handoff':
        return { ...s, drafts: replaceOne(s.drafts, `${name}|draft`, `${name}|printed`), audit: routed(s.audit, 'counter.openHandoff') };
      case 'check':
        return { ...s, reviews: sorted([...s.reviews, `${name}|2 seen`]), audit: routed(s.audit, 'counter.checkOriginals') };
      case 'submit':
        return {
          ...s,
          drafts: replaceOne(s.drafts, `${name}|printed`, `${name}|submitted`),
          submissions: sorted([...s.submissions, `${name}|pending|${name}`]),
          outboxRows: s.outboxRows + 1,
          audit: routed(s.audit, 'counter.submit'),
        };
      default:
        return { ...s, ...kioskDraft(s, step) };
    }
  },
  project: (db) => ({
    drafts: draftRows(db),
    audit: auditRows(db),
    reviews: sorted(
      db
        .prepare<[], { id: string; data: string; attachments: string }>('SELECT d.id, d.data, r.attachments FROM counter_reviews r JOIN drafts d ON d.id = r.draft_id')
        .all()
        .map((r) => `${nameIn(db, r.id, r.data)}|${(JSON.parse(clear(db, 'counter_reviews', 'attachments', r.id, r.attachments)) as { seen: boolean }[]).filter((a) => a.seen).length} seen`),
    ),
    // Each submission with its outbox row: the body sent must be its own dossier's.
    submissions: sorted(
      db
        .prepare<[], { id: string; data: string; state: string; key: string; body: string }>(
          'SELECT d.id, d.data, o.state, o.idempotency_key AS key, o.body FROM counter_submissions s JOIN drafts d ON d.id = s.draft_id JOIN outbox o ON o.id = s.outbox_id',
        )
        .all()
        .map((r) => `${nameIn(db, r.id, r.data)}|${r.state}|${(JSON.parse(clear(db, 'outbox', 'body', r.key, r.body)) as { fields: Record<string, unknown> }).fields['child.fullName'] as string}`),
    ),
    outboxRows: db.prepare('SELECT count(*) FROM outbox').pluck().get() as number,
  }),
};

const accounts: CrashModel<{ accounts: string[]; audit: string[] }> = {
  initial: { accounts: [], audit: [] },
  reduce: (s, { op, k }) => {
    const who = `crash${k}`;
    const accounts = op === 'create' ? sorted([...s.accounts, `${who}|0`]) : replaceOne(s.accounts, `${who}|${op === 'disable' ? 0 : 1}`, `${who}|${op === 'disable' ? 1 : 0}`);
    return { accounts, audit: routed([...s.audit, `accounts.${op}|ok|${who}`], `accounts.${op}`) };
  },
  project: (db) => ({
    accounts: sorted(db.prepare<[], { username: string; disabled: number }>("SELECT username, disabled FROM accounts WHERE username LIKE 'crash%'").all().map((r) => `${r.username}|${r.disabled}`)),
    audit: auditRows(db),
  }),
};

const OPTION_KEYS = [KIOSK_SETTINGS.role, KIOSK_SETTINGS.idleSeconds, KIOSK_SETTINGS.defaultLanguage, KIOSK_SETTINGS.centreName, KIOSK_SETTINGS.openingHours, CALENDAR_SETTINGS.saturdayMorning];

/** The six settings as kiosk.setOptions stores them. */
function storedOptions(k: number): string[] {
  const o = kioskOptionsFor(k);
  return [o.role, String(o.idleSeconds), o.defaultLanguage, JSON.stringify(o.centreName), JSON.stringify(o.openingHours), String(o.saturdayMorning)];
}

const settings: CrashModel<{ options: (string | null)[]; secret: string | null; audit: string[] }> = {
  initial: { options: OPTION_KEYS.map(() => null), secret: null, audit: [] },
  reduce: (s, { op, k }) => (op === 'options' ? { ...s, options: storedOptions(k) } : { ...s, secret: secretFor(k) }),
  project: (db, dir) => {
    const get = (key: string) => (db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(key) as string | undefined) ?? null;
    const sealed = get(SECRET_SETTING);
    // Sealed with the key file beside the database, as the host seals: it must still open.
    return { options: OPTION_KEYS.map(get), secret: sealed === null ? null : keyFileSecretStore(dir).open(sealed), audit: auditRows(db) };
  },
};

/** The rows held here, and how many were shipped and pruned (migration 013's anchor). */
const audit: CrashModel<{ audit: string[]; shipped: number }> = {
  initial: { audit: [], shipped: 0 },
  reduce: (s, { op }) => (op === 'ship' ? { audit: [], shipped: s.shipped + s.audit.length } : { ...s, audit: [...s.audit, 'device.scan|ok|'] }),
  project: (db) => ({ audit: auditRows(db), shipped: hasTable(db, 'audit_shipping') ? (db.prepare('SELECT shipped FROM audit_shipping').pluck().get() as number | undefined) ?? 0 : 0 }),
};

interface OutboxEntry {
  who: string;
  state: string;
  attempts: number;
  receipt: string | null;
  supersededBy: string | null;
}
const outbox: CrashModel<{ outbox: OutboxEntry[] }> = {
  initial: { outbox: [] },
  reduce: ({ outbox: rows }, { op, k }) => {
    const who = outboxBody(k).applicant.fullName;
    const corrected = outboxBody(k, true).applicant.fullName;
    const change = (next: Partial<OutboxEntry>) => rows.map((r) => (r.who === who ? { ...r, ...next } : r));
    const fresh = (name: string): OutboxEntry => ({ who: name, state: 'pending', attempts: 0, receipt: null, supersededBy: null });
    if (op === 'enqueue') return { outbox: [...rows, fresh(who)] };
    if (op === 'sent') return { outbox: change({ state: 'sent', attempts: 1, receipt: `MC-${k}` }) };
    if (op === 'attention') return { outbox: change({ state: 'attention', attempts: 1 }) };
    if (op === 'retry') return { outbox: change({ attempts: 1 }) };
    return { outbox: [...change({ state: 'superseded', supersededBy: corrected }), fresh(corrected)] };
  },
  project: (db) => {
    const rows = db
      .prepare<[], { id: number; idempotency_key: string; body: string; state: string; attempts: number; receipt: string | null; superseded_by: number | null }>('SELECT * FROM outbox ORDER BY id')
      .all();
    const who = (r: (typeof rows)[number]) => (JSON.parse(clear(db, 'outbox', 'body', r.idempotency_key, r.body)) as { applicant: { fullName: string } }).applicant.fullName;
    const byId = new Map(rows.map((r) => [r.id, who(r)]));
    return {
      outbox: rows.map((r) => ({
        who: who(r),
        state: r.state,
        attempts: r.attempts,
        receipt: r.receipt === null ? null : (JSON.parse(clear(db, 'outbox', 'receipt', r.idempotency_key, r.receipt)) as { receiptCode: string }).receiptCode,
        supersededBy: r.superseded_by === null ? null : (byId.get(r.superseded_by) ?? `missing row ${r.superseded_by}`),
      })),
    };
  },
};

const deviceRow = (d: { key: string; role: string; name: string; interKeyGapMs: number }) => `${d.key}|${d.role}|${d.name}|${d.interKeyGapMs}`;
const devices: CrashModel<{ devices: string[] }> = {
  initial: { devices: [] },
  reduce: (s, { k }) => {
    const d = deviceFor(k);
    return { devices: sorted([...s.devices.filter((x) => !x.startsWith(`${d.key}|`)), deviceRow({ ...d, interKeyGapMs: d.profile.interKeyGapMs })]) };
  },
  project: (db) => ({
    devices: sorted(
      db
        .prepare<[], { key: string; role: string; name: string; profile: string }>('SELECT key, role, name, profile FROM devices')
        .all()
        .map((r) => deviceRow({ ...r, interKeyGapMs: (JSON.parse(r.profile) as { interKeyGapMs: number }).interKeyGapMs })),
    ),
  }),
};

const caseIndex: CrashModel<{ cases: number }> = {
  initial: { cases: 0 },
  reduce: (s, { op }) => (op === 'batch' ? { cases: s.cases + CASES_PER_BATCH } : s),
  project: (db) => ({ cases: db.prepare('SELECT count(*) FROM cases').pluck().get() as number }),
  afterOpen: (db) => {
    // Whatever step was cut short, the index is whole as far as it goes, and catching up completes it.
    const cursor = (db.prepare("SELECT cursor FROM sync_state WHERE feed = 'changes'").pluck().get() as number | undefined) ?? 0;
    const indexed = db.prepare('SELECT indexed_seq FROM case_search_state').pluck().get() as number;
    if (indexed > cursor) throw new Error(`indexed_seq ${indexed} is beyond the cursor ${cursor}`);
    for (const t of ['case_search_recent', 'case_search_open']) db.prepare(`INSERT INTO ${t} (${t}) VALUES ('integrity-check')`).run();
    const orphans = db.prepare('SELECT count(*) FROM case_search_docs WHERE case_id NOT IN (SELECT id FROM cases)').pluck().get() as number;
    if (orphans > 0) throw new Error(`${orphans} index entries of no case`);
    const search = CaseSearch.of(db);
    search.catchUp();
    const docs = db.prepare('SELECT count(*) FROM case_search_docs').pluck().get() as number;
    const cases = db.prepare('SELECT count(*) FROM cases').pluck().get() as number;
    if (docs !== cases) throw new Error(`after catching up, ${docs} index entries for ${cases} cases`);
    const last = db.prepare<[], { receipt_code: string; applicant_full_name: string }>('SELECT receipt_code, applicant_full_name FROM cases ORDER BY rowid DESC LIMIT 1').get();
    if (last && !search.search(last.applicant_full_name, { limit: 200 }).some((h) => h.receiptCode === last.receipt_code)) throw new Error(`${last.receipt_code} not found by name`);
  },
};

const CURRENT_VERSION = loadMigrations(MIGRATIONS_DIR).length;
const DB_FILES = /^(fresh|old)-\d+\.db$/;
const migrationFiles = (dir: string) => readdirSync(dir).filter((f) => DB_FILES.test(f)).sort();
const migrations: CrashModel<{ files: Record<string, string> }> = {
  initial: { files: {} },
  reduce: (s, { op, k }) =>
    op === 'fresh' ? { files: { ...s.files, [`fresh-${k}.db`]: 'current|0' } }
    : op === 'old' ? { files: { ...s.files, [`old-${k}.db`]: `v${OLD_SCHEMA}|${OLD_SUBMISSIONS}` } }
    : { files: { ...s.files, [`old-${k}.db`]: `current|${OLD_SUBMISSIONS}` } },
  // Each file at the version its last committed open left it (an empty file is no database yet).
  project: (_db, dir) => {
    const files: Record<string, string> = {};
    for (const f of migrationFiles(dir)) {
      const file = openAsItIs(join(dir, f));
      try {
        const version = file.pragma('user_version', { simple: true }) as number;
        if (version === 0 && !hasTable(file, 'procedures')) continue;
        const submissions = hasTable(file, 'counter_submissions') ? (file.prepare('SELECT count(*) FROM counter_submissions').pluck().get() as number) : -1;
        files[f] = `${version === CURRENT_VERSION ? 'current' : `v${version}`}|${submissions}`;
      } finally {
        file.close();
      }
    }
    return { files };
  },
  files: (dir) => migrationFiles(dir).map((f) => join(dir, f)),
};

const restore: CrashModel<{ marker: string | null; bulk: number }> = {
  initial: { marker: null, bulk: 0 },
  reduce: (_s, { k }) => ({ marker: k % 2 === 0 ? 'A' : 'B', bulk: RESTORE_BULK[k % 2]! }),
  project: (db) =>
    hasTable(db, 'settings')
      ? {
          marker: (db.prepare("SELECT value FROM settings WHERE key = 'crash.marker'").pluck().get() as string | undefined) ?? null,
          bulk: db.prepare("SELECT count(*) FROM settings WHERE key LIKE 'crash.bulk.%'").pluck().get() as number,
        }
      : { marker: null, bulk: 0 },
  afterOpen: (_db, dir) => {
    // The state a restore replaced is kept: every safety copy is a whole database (possibly empty, if the restore was cut short while copying it).
    for (const f of readdirSync(dir).filter((x) => x.startsWith(`${DB_FILE}.before-restore-`) && /-\d+$/.test(x))) {
      const copy = openDatabaseFile(join(dir, f));
      try {
        const ok = copy.pragma('integrity_check', { simple: true });
        if (ok !== 'ok') throw new Error(`${f}: ${String(ok)}`);
      } finally {
        copy.close();
      }
    }
  },
};
/** Rows of bulk in backup A and B: enough that a restore takes a while, and tells which one is in place. */
export const RESTORE_BULK = [20_000, 12_000] as const;

export const MODELS: Record<CrashKind, CrashModel> = {
  drafts,
  consent,
  counter,
  accounts,
  settings,
  audit,
  outbox,
  devices,
  'case-index': caseIndex,
  migrations,
  restore,
} as Record<CrashKind, CrashModel>;
