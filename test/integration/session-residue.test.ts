/**
 * The soak's residue: a kiosk turn leaves no personal-data rows behind when it ends,
 * except a dossier whose print-out can only name it (a reference QR), which the counter reads from
 * this database. Through the host router on a real SQLite file (read back with a connection of its
 * own) and the real central simulator; the counter opens the print-outs from the QR read off the PDF.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabaseFile } from '../../electron/db/connection';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CounterDossier } from '../../electron/contract';
import { AuditRepository } from '../../electron/db/audit-repository';
import { DEMO_ACCOUNTS } from '../../electron/host/account-handlers';
import { newSession, type Session } from '../../electron/host/session';
import { CONSENT_NOTICES, noticeVersion } from '../../electron/security/consent';
import { decodeHandoff } from '../../electron/security/device-signing';
import { DEMO_MOTHER, hostCall, hostDeviceKey, startHostWithCentral, type HostWithCentral } from '../support/host-with-central';
import { kioskPrintsDossier, type KioskPrintOut } from '../support/kiosk-prints';
import { qrOfLastPage } from '../support/scan-pdf-qr';

let running: HostWithCentral;
const call = hostCall(() => running.host);

beforeAll(async () => {
  running = await startHostWithCentral('residue');
});
afterAll(() => running.close());

/** The rows as the file holds them, read with a connection of its own (WAL included). */
function inFile<T>(sql: string): T[] {
  const db = openDatabaseFile(join(running.dir, 'motcua.db'), { readonly: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}
const draftsInFile = () => inFile<{ id: string; status: string; handoff_kind: string | null }>('SELECT id, status, handoff_kind FROM drafts ORDER BY id');
const consentsInFile = () => inFile<{ session: string }>('SELECT session FROM consents');

/** The print-out's QR as the counter's scanner reads it, and what it carries. */
function scanned(out: KioskPrintOut, name: string): { text: string; kind: string } {
  const pdf = join(running.dir, `${name}.pdf`);
  writeFileSync(pdf, out.pdf);
  const text = qrOfLastPage(pdf, out.pages);
  const key = hostDeviceKey(running);
  const decoded = decodeHandoff(text, new Map([[key.keyId, key.publicKey]]));
  if (!decoded.ok) throw new Error(decoded.code);
  return { text, kind: decoded.handoff.kind };
}

async function officer(): Promise<Session> {
  const session = newSession();
  const { username, password } = DEMO_ACCOUNTS[0];
  await call(session, 'auth.login', { username, password });
  return session;
}

describe('a kiosk turn leaves no personal-data rows behind', { timeout: 60_000 }, () => {
  it('a dossier that fits its QR: after the wipe no draft and no consent row; the counter opens it from the QR alone', async () => {
    const kiosk = newSession('kiosk');
    const out = await kioskPrintsDossier(call, { session: kiosk });
    expect(out.erasedDrafts).toBe(1);
    expect(draftsInFile()).toEqual([]);
    expect(consentsInFile()).toEqual([]);
    // The proof of the consent is in the audit: decision, notice version, token and expiry, no personal number.
    const [proof, ...more] = new AuditRepository(running.host.db).all().filter((a) => a.channel === 'consent.decision' && a.session === kiosk.id);
    expect(more).toEqual([]);
    expect(proof).toMatchObject({ outcome: 'accepted', purpose: 'proactive-services', subject: running.host.audit.subjectHash(DEMO_MOTHER.personalNumber) });
    expect(proof?.target).toMatch(new RegExp(`^consent:[0-9a-f-]{36} notice:${noticeVersion(CONSENT_NOTICES['proactive-services'])} until:\\d{4}-\\d\\d-\\d\\dT`));
    expect(proof?.legal_basis).toContain('91/2025/QH15');
    expect(JSON.stringify(proof)).not.toContain(DEMO_MOTHER.personalNumber);

    const qr = scanned(out, 'fits');
    expect(qr.kind).toBe('draft');
    const opened = await call<CounterDossier>(await officer(), 'counter.openHandoff', { text: qr.text });
    expect(opened.view.draft.fields).toEqual(out.draft.fields);
    expect(opened.applicant.personalNumber).toBe(DEMO_MOTHER.personalNumber);
    // Now the counter's dossier, under the counter's rules.
    expect(draftsInFile()).toEqual([{ id: out.draft.id, status: 'printed', handoff_kind: null }]);
  });

  it('a dossier too large for one QR: exactly that draft is kept (and no consent); the counter opens it by reference', async () => {
    const before = draftsInFile();
    const out = await kioskPrintsDossier(call, { size: 'reference' });
    expect(out.erasedDrafts).toBe(0);
    expect(draftsInFile()).toEqual([...before, { id: out.draft.id, status: 'printed', handoff_kind: 'reference' }].sort((a, b) => a.id.localeCompare(b.id)));
    expect(consentsInFile()).toEqual([]);

    const qr = scanned(out, 'reference');
    expect(qr.kind).toBe('reference');
    const opened = await call<CounterDossier>(await officer(), 'counter.openHandoff', { text: qr.text });
    expect(opened.view.draft).toEqual(out.draft);
  });

  it('every end of a kiosk turn wipes: the next citizen identified, or an officer signing in at that screen', async () => {
    const kiosk = newSession('kiosk');
    const first = await kioskTurnUpToPrint(kiosk);
    await call(kiosk, 'citizen.open', DEMO_MOTHER);
    expect(draftsInFile().map((d) => d.id)).not.toContain(first);
    expect(consentsInFile()).toEqual([]);

    const second = await kioskTurnUpToPrint(kiosk);
    const { username, password } = DEMO_ACCOUNTS[0];
    await call(kiosk, 'auth.login', { username, password });
    expect(draftsInFile().map((d) => d.id)).not.toContain(second);
    expect(consentsInFile()).toEqual([]);
  });

  it('a printed row from before the hand-off kind was recorded (NULL) is kept, as it was', async () => {
    const kiosk = newSession('kiosk');
    const id = await kioskTurnUpToPrint(kiosk);
    running.host.db.prepare('UPDATE drafts SET handoff_kind = NULL WHERE id = ?').run(id);
    await call(kiosk, 'citizen.close', {});
    expect(draftsInFile()).toContainEqual({ id, status: 'printed', handoff_kind: null });
  });

  it("a counter's turn keeps the counter's rules: its printed dossier and its consent stay", async () => {
    const counter = await officer();
    const id = await kioskTurnUpToPrint(counter);
    expect(await call<{ erasedDrafts: number }>(counter, 'citizen.close', {})).toEqual({ erasedDrafts: 0 });
    expect(draftsInFile()).toContainEqual({ id, status: 'printed', handoff_kind: null });
    expect(consentsInFile()).toEqual([{ session: counter.id }]);
  });

  it('a print-out the counter opened while the kiosk turn was still going is the counter’s: the kiosk’s wipe leaves it', async () => {
    const kiosk = newSession('kiosk');
    const out = await kioskPrintsDossier(call, { session: kiosk, finish: false });
    await call(await officer(), 'counter.openHandoff', { text: scanned(out, 'early').text });
    await call(kiosk, 'citizen.close', {});
    expect(draftsInFile()).toContainEqual({ id: out.draft.id, status: 'printed', handoff_kind: null });
  });
});

/** A citizen's turn up to the printed dossier (QR-sized), left going; returns the draft's id. */
const kioskTurnUpToPrint = async (session: Session): Promise<string> => (await kioskPrintsDossier(call, { session, finish: false })).draft.id;
