/**
 * Personal fields at rest: a kiosk session and a counter submission on a real SQLite file
 * with a real central simulator, and the raw bytes of the database, its WAL and shared-memory file
 * read while the draft and the outbox row are live and after the session is wiped. Neither the
 * personal numbers nor the names may be found, as typed (NFC), decomposed (NFD) or folded to ASCII.
 *
 * The centre's change feed is held back (a bad signature, so every batch is refused), so these first
 * tests see the field cipher's work alone. The last one lets the feed in: the whole file is encrypted
 * (README, "Data at rest"), so after a full sync, a kiosk turn and a submission no name, number,
 * draft value or token of anyone is found in the database, its WAL or a backup, as bytes.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DossierView, SubmissionView } from '../../electron/contract';
import { backupDatabase } from '../../electron/db/backup';
import { loadMigrations } from '../../electron/db/migrations';
import { newSession, type Session } from '../../electron/host/session';
import { keyFileSecretStore } from '../../electron/security/secret-store';
import { Outbox } from '../../electron/sync/outbox';
import { BIRTH_REGISTRATION_VALUES } from '../fixtures/dossier/birth-registration-values';
import { clearTextIn } from '../support/clear-text';
import { printedAndChecked } from '../support/counter-dossier';
import { DEMO_MOTHER, hostCall, openWithChip, startHostWithCentral, type HostWithCentral } from '../support/host-with-central';

/** The mother (who has no case at the centre), her spouse from the central profile, and the child's name she types. */
const SPOUSE = { personalNumber: '079097004321', fullName: 'Trần Minh Khoa' };
const CHILD_NAME = 'Trịnh Ngọc Diễm Hương';
const VALUES = { ...BIRTH_REGISTRATION_VALUES, 'child.fullName': CHILD_NAME };
const PERSONAL = [DEMO_MOTHER.personalNumber, DEMO_MOTHER.fullName, SPOUSE.personalNumber, SPOUSE.fullName, CHILD_NAME];

let running: HostWithCentral;
const call = hostCall(() => running.host);
const dbPath = () => join(running.dir, 'motcua.db');
const row = <T>(sql: string) => running.host.db.prepare(sql).get() as T;
/** A stored ciphertext with one of its characters changed, as a disk error or a hand on the file would. */
const altered = (stored: string) => stored.slice(0, 20) + (stored[20] === 'A' ? 'B' : 'A') + stored.slice(21);

beforeAll(async () => {
  running = await startHostWithCentral('at-rest');
  running.sim.setFaults({ badSignature: true });
});
afterAll(() => running.close());

describe('personal data at rest', { timeout: 30_000 }, () => {
  it('a kiosk session leaves no personal number or name in clear in the database files', async () => {
    const kiosk = newSession('kiosk');
    await openWithChip(call, kiosk);
    await call(kiosk, 'consent.decide', { purpose: 'proactive-services', accept: true });
    const { draft } = await call<DossierView>(kiosk, 'dossier.prepare', { formId: 'birth-registration' });
    const done = await call<DossierView>(kiosk, 'dossier.update', { draftId: draft.id, values: VALUES });
    // The prepared dossier carries the central profile's values and the typed name: the draft is live, in the file.
    for (const name of [DEMO_MOTHER.fullName, SPOUSE.fullName, CHILD_NAME]) expect(JSON.stringify(done.draft)).toContain(name);
    expect(row<{ n: number }>(`SELECT count(*) AS n FROM drafts WHERE status = 'draft'`).n).toBe(1);
    expect(clearTextIn(dbPath(), PERSONAL)).toEqual([]);

    await call(kiosk, 'dossier.print', { draftId: draft.id });
    expect(clearTextIn(dbPath(), PERSONAL)).toEqual([]);
    await call(kiosk, 'citizen.close', {});
    expect(clearTextIn(dbPath(), PERSONAL)).toEqual([]);
  });

  it('a counter submission, sent and receipted, leaves none either, before and after the officer signs out', async () => {
    const officer: Session = newSession();
    await call(officer, 'auth.login', { username: 'canbo', password: 'motcua-demo' });
    const draftId = await printedAndChecked(running, officer, VALUES);
    await call(officer, 'counter.checkOriginals', {
      draftId,
      attachments: [{ id: 'birthCertificate', seen: true, note: `Giấy chứng sinh của ${CHILD_NAME}` }, { id: 'marriageCertificate', seen: true, note: `Chồng: ${SPOUSE.fullName}` }],
      needsSupplement: false,
      supplementNote: `Mẹ ${DEMO_MOTHER.fullName}, CCCD ${DEMO_MOTHER.personalNumber}`,
    });
    const submitted = await call<SubmissionView>(officer, 'counter.submit', { draftId });
    // On a loaded machine the centre may answer after the submit's short wait: the sync sends it then.
    if (submitted.state === 'queued') await call(officer, 'sync.now', {});
    const sent = await call<SubmissionView>(officer, 'counter.submission', { submissionId: submitted.submissionId });
    expect(sent).toMatchObject({ state: 'sent', receiptCode: expect.stringMatching(/\S/) });
    expect(row<{ state: string; receipt: string }>(`SELECT state, receipt FROM outbox ORDER BY id DESC LIMIT 1`)).toMatchObject({ state: 'sent', receipt: expect.stringMatching(/^enc1:/) });
    // The feed was refused: no case of hers came down, so what is found below could only be ours.
    expect(row<{ n: number }>('SELECT count(*) AS n FROM cases').n).toBe(0);
    expect(clearTextIn(dbPath(), [...PERSONAL, sent.receiptCode!])).toEqual([]);

    await call(officer, 'session.lock', {});
    expect(clearTextIn(dbPath(), [...PERSONAL, sent.receiptCode!])).toEqual([]);
    // And what the officer sees is the clear dossier again, read through the cipher.
    await call(officer, 'auth.login', { username: 'canbo', password: 'motcua-demo' });
    expect(await call(officer, 'counter.submission', { submissionId: sent.submissionId })).toMatchObject({ state: 'sent', receiptCode: sent.receiptCode });
  });

  it('an altered value is refused with a typed error, never read as empty, and the sync goes on', async () => {
    const kiosk = newSession('kiosk');
    await openWithChip(call, kiosk);
    await call(kiosk, 'consent.decide', { purpose: 'proactive-services', accept: true });
    const { draft } = await call<DossierView>(kiosk, 'dossier.prepare', { formId: 'birth-registration' });
    const stored = row<{ data: string }>(`SELECT data FROM drafts WHERE id = '${draft.id}'`).data;
    running.host.db.prepare('UPDATE drafts SET data = ? WHERE id = ?').run(altered(stored), draft.id);
    const refused = await running.host.router.dispatch(kiosk, 'dossier.update', { draftId: draft.id, values: VALUES });
    expect(refused).toMatchObject({ ok: false, error: { code: 'STORED_DATA_UNREADABLE', message: { vi: expect.stringMatching(/giải mã/), en: expect.stringMatching(/decrypted/) } } });
    await call(kiosk, 'citizen.close', {});

    // A queued dossier altered on disk: the sync round stops with that error on its status (and retries later); the app goes on.
    const officer = newSession();
    await call(officer, 'auth.login', { username: 'canbo', password: 'motcua-demo' });
    const { id } = new Outbox(running.host.db).enqueue({ procedureCode: '1.001193', applicant: { personalNumber: DEMO_MOTHER.personalNumber, fullName: DEMO_MOTHER.fullName }, fields: {} });
    const body = row<{ body: string }>(`SELECT body FROM outbox WHERE id = ${id}`).body;
    running.host.db.prepare('UPDATE outbox SET body = ? WHERE id = ?').run(altered(body), id);
    expect(await call(officer, 'sync.now', {})).toMatchObject({ state: 'error', lastError: expect.stringMatching(/STORED_DATA_UNREADABLE/) });
    expect(await call(officer, 'session.get', {})).toMatchObject({ role: 'officer' });
  });
});

describe('the whole file encrypted: a counter after a sync, a kiosk turn and a submission', { timeout: 60_000 }, () => {
  let counter: HostWithCentral;
  const on = hostCall(() => counter.host);
  beforeAll(async () => {
    counter = await startHostWithCentral('at-rest-counter');
  });
  afterAll(() => counter.close());

  it('holds no applicant\'s name or number, draft value or token in the database, its WAL or its backup', async () => {
    const officer: Session = newSession();
    await on(officer, 'auth.login', { username: 'canbo', password: 'motcua-demo' });
    await on(officer, 'sync.now', {});
    const synced = counter.host.db.prepare('SELECT applicant_full_name AS name, applicant_personal_number AS pin, receipt_code AS code FROM cases').all() as { name: string; pin: string; code: string }[];
    expect(synced.length).toBeGreaterThan(0);
    // The counter still finds a synced case by its applicant's name.
    const found = await on<{ cases: { receiptCode: string }[] }>(officer, 'cases.search', { query: synced[0]!.name });
    expect(found.cases.map((c) => c.receiptCode)).toContain(synced[0]!.code);

    const kiosk = newSession('kiosk');
    await on(kiosk, 'citizen.open', DEMO_MOTHER);
    await on(kiosk, 'consent.decide', { purpose: 'proactive-services', accept: true });
    const { draft } = await on<DossierView>(kiosk, 'dossier.prepare', { formId: 'birth-registration' });
    await on(kiosk, 'dossier.update', { draftId: draft.id, values: VALUES });
    await on(kiosk, 'citizen.close', {});
    const draftId = await printedAndChecked(counter, officer, VALUES);
    const submitted = await on<SubmissionView>(officer, 'counter.submit', { draftId });
    if (submitted.state === 'queued') await on(officer, 'sync.now', {});
    await on(officer, 'sync.now', {});

    const dbFile = join(counter.dir, 'motcua.db');
    const backup = join(counter.dir, 'backup.db');
    await backupDatabase(counter.host.db, backup, loadMigrations(join(process.cwd(), 'electron', 'db', 'migrations')).length, keyFileSecretStore(counter.dir));
    expect(existsSync(`${dbFile}-wal`)).toBe(true);
    const secrets = [...PERSONAL, ...synced.flatMap((c) => [c.name, c.pin, c.code]), counter.sim.token, VALUES['child.fullName']];
    expect(clearTextIn(dbFile, secrets)).toEqual([]);
    expect(clearTextIn(backup, secrets)).toEqual([]);
  });
});
