/**
 * "Cần xử lý / Needs attention": a dossier the central system refuses (a 4xx) waits for
 * an officer, never dropped. Corrected, it goes again as a new submission under a new
 * Idempotency-Key and gets its receipt, the refused one kept as 'superseded'; sent again unchanged
 * once the centre fixed its side, it keeps its key. Nothing is made twice centrally, and every
 * step is in the audit log under the officer's name. A real host, a real simulator on loopback.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AttentionItem, CounterDossier, DossierView, SubmissionView } from '../../electron/contract';
import { CounterRepository } from '../../electron/db/counter-repository';
import { fieldCipherOf } from '../../electron/db/field-encryption';
import { OutboxRepository } from '../../electron/db/outbox-repository';
import type { Host } from '../../electron/host/create-host';
import { newSession, type Session } from '../../electron/host/session';
import { wholeAudit } from '../support/central-audit';
import type { CentralSim } from '../support/central-sim/server';
import { printedAndChecked } from '../support/counter-dossier';
import { DEMO_MOTHER, hostCall, startHostWithCentral, type HostWithCentral } from '../support/host-with-central';

let running: HostWithCentral;
let host: Host;
let sim: CentralSim;
let officer: Session;
beforeAll(async () => {
  running = await startHostWithCentral('counter-attention');
  ({ host, sim } = running);
  officer = newSession();
  await call(officer, 'auth.login', { username: 'canbo', password: 'motcua-demo' });
});
afterAll(() => running.close());
beforeEach(() => sim.setFaults({ refuseDossier: ABOLISHED_PROVINCE }));

const call = hostCall(() => host);
const failure = (session: Session, channel: string, input: unknown) => call(session, channel, input).then(() => 'accepted', (e: { data: { code: string } }) => e.data.code);

/** Long An was merged into Tây Ninh on 1 July 2025: the centre's register knows, the kiosk's form did not check. */
const ABOLISHED_PROVINCE = {
  field: 'child.placeOfOrigin',
  value: 'Tỉnh Long An',
  code: 'administrative-unit-abolished',
  message: 'Quê quán: "Tỉnh Long An" không còn là đơn vị hành chính từ 01/07/2025; hãy ghi "Tỉnh Tây Ninh".',
};

/** The centre's cases of the demo mother, by id, as its change feed holds them. */
function centralCasesOfMother(): Set<string> {
  const ids = new Set<string>();
  for (const { line } of sim.store.page(0, 1_000_000)) {
    const change = JSON.parse(line) as { type: string; id: string; data?: { applicant?: { personalNumber?: string } } };
    if (change.type === 'case' && change.data?.applicant?.personalNumber === DEMO_MOTHER.personalNumber) ids.add(change.id);
  }
  return ids;
}

/** The outbox rows as stored, their encrypted values opened. */
const outboxRows = () => {
  const outbox = new OutboxRepository(host.db);
  return host.db.prepare<[], number>('SELECT id FROM outbox ORDER BY id').pluck().all().map((id) => outbox.get(id)!);
};

/** As if the centre had answered `status`: the stored error is rewritten (encrypted, bound to its row, like the app writes it). */
function setRefusalStatus(submissionId: number, status: number): void {
  const row = outboxRows().find((r) => r.id === new CounterRepository(host.db).submission(submissionId)!.outbox_id)!;
  const error = JSON.stringify({ ...JSON.parse(row.last_error!), status });
  const stored = fieldCipherOf(host.db).encrypt(error, { table: 'outbox', column: 'last_error', row: row.idempotency_key });
  host.db.prepare('UPDATE outbox SET last_error = ? WHERE id = ?').run(stored, row.id);
}

describe('a submission the centre refused', () => {
  it('is listed with the centre’s error, corrected, sent as a new submission and receipted; the refused one is kept, superseded', async () => {
    const casesBefore = centralCasesOfMother();
    const draftId = await printedAndChecked(running, officer);
    const refused = await call<SubmissionView>(officer, 'counter.submit', { draftId });
    expect(refused).toMatchObject({ state: 'attention', receiptCode: null });

    const { items } = await call<{ items: AttentionItem[] }>(officer, 'counter.attention', {});
    expect(items).toEqual([
      expect.objectContaining({
        submissionId: refused.submissionId,
        reference: refused.reference,
        refusal: { status: 422, code: ABOLISHED_PROVINCE.code, message: ABOLISHED_PROVINCE.message },
        procedureCode: expect.any(String),
        formTitle: { vi: 'TỜ KHAI ĐĂNG KÝ KHAI SINH', en: 'Birth registration declaration' },
        applicant: { personalNumber: DEMO_MOTHER.personalNumber, fullName: DEMO_MOTHER.fullName },
        correctable: true,
      }),
    ]);
    // Printing a receipt for it is refused: the centre has not accepted it.
    expect(await failure(officer, 'print.receipt', { submissionId: refused.submissionId })).toBe('RECEIPT_NOT_READY');

    // "Sửa và nộp lại": the dossier opens, editable again, for this officer, once the mother is identified (card or number and birth date).
    const reopened = await call<CounterDossier>(officer, 'counter.correct', { submissionId: refused.submissionId });
    expect(reopened).toMatchObject({ submissionId: null, view: { status: 'printed', draft: { id: draftId } } });
    await call(officer, 'citizen.open', DEMO_MOTHER);
    // Open for correction, it is no longer sent again unchanged: the dossier may say something else by now.
    expect(await failure(officer, 'counter.sendAgain', { submissionId: refused.submissionId })).toBe('SUBMISSION_BEING_CORRECTED');
    await call<DossierView>(officer, 'dossier.update', { draftId, values: { 'child.placeOfOrigin': 'Tỉnh Tây Ninh' } });
    const sent = await call<SubmissionView>(officer, 'counter.submit', { draftId });
    expect(sent).toMatchObject({ state: 'sent', receiptCode: expect.stringMatching(/^MC-\d{6}-\d{7}$/) });
    expect(sent.submissionId).not.toBe(refused.submissionId);
    expect(sent.reference).not.toBe(refused.reference);

    // The refused submission is kept, superseded; nothing waits any more; its reference leads to the new one.
    expect(await call<SubmissionView>(officer, 'counter.submission', { submissionId: refused.submissionId })).toMatchObject({ state: 'superseded', receiptCode: null });
    expect(await call(officer, 'counter.attention', {})).toEqual({ items: [] });
    expect(await call<SubmissionView>(officer, 'counter.submission', { reference: refused.reference! })).toMatchObject({ submissionId: sent.submissionId, state: 'sent' });
    const [old, corrected] = outboxRows().slice(-2);
    expect(old).toMatchObject({ state: 'superseded', superseded_by: corrected!.id });
    expect(JSON.parse(old!.body).fields['child.placeOfOrigin']).toBe('Tỉnh Long An');
    expect(corrected).toMatchObject({ state: 'sent', superseded_by: null });
    expect(corrected!.idempotency_key).not.toBe(old!.idempotency_key);
    expect(JSON.parse(corrected!.body).fields['child.placeOfOrigin']).toBe('Tỉnh Tây Ninh');
    // Neither again: a second submit answers the receipt, and correcting a superseded one is refused.
    expect(await call<SubmissionView>(officer, 'counter.submit', { draftId })).toMatchObject({ submissionId: sent.submissionId });
    expect(await failure(officer, 'counter.correct', { submissionId: refused.submissionId })).toBe('SUBMISSION_NOT_REFUSED');
    expect(await failure(officer, 'counter.sendAgain', { submissionId: sent.submissionId })).toBe('SUBMISSION_NOT_REFUSED');

    // Exactly one new case centrally, the one on the receipt.
    const added = [...centralCasesOfMother()].filter((id) => !casesBefore.has(id));
    expect(added).toHaveLength(1);
    expect(sim.store.caseByReceipt(sent.receiptCode!)?.applicant.personalNumber).toBe(DEMO_MOTHER.personalNumber);

    // Every step audited under the officer's name (each send shipped the trail so far to the centre), and the chain holds.
    const audited = wholeAudit(sim, host.db).filter((r) => r.session === officer.id && r.channel.startsWith('counter.'));
    expect(audited.map((r) => [r.channel, r.outcome, r.actor])).toEqual(
      expect.arrayContaining([
        ['counter.attention', 'ok', 'canbo'],
        ['counter.correct', 'ok', 'canbo'],
        ['counter.correct', 'SUBMISSION_NOT_REFUSED', 'canbo'],
        ['counter.sendAgain', 'SUBMISSION_BEING_CORRECTED', 'canbo'],
        ['counter.sendAgain', 'SUBMISSION_NOT_REFUSED', 'canbo'],
      ]),
    );
    expect(audited.filter((r) => r.channel === 'counter.submit' && r.outcome === 'ok')).toHaveLength(3);
    expect(host.audit.verify()).toMatchObject({ ok: true });
  });

  it('is sent again unchanged, under its own key, once the centre has fixed its side', async () => {
    const casesBefore = centralCasesOfMother();
    const draftId = await printedAndChecked(running, officer);
    const refused = await call<SubmissionView>(officer, 'counter.submit', { draftId });
    expect(refused.state).toBe('attention');
    const key = outboxRows().at(-1)!.idempotency_key;

    // The centre corrects its register (Long An accepted after all): "Gửi lại".
    sim.setFaults({});
    const sent = await call<SubmissionView>(officer, 'counter.sendAgain', { submissionId: refused.submissionId });
    expect(sent).toMatchObject({ submissionId: refused.submissionId, state: 'sent', receiptCode: expect.stringMatching(/^MC-/), reference: refused.reference });
    expect(outboxRows().at(-1)).toMatchObject({ idempotency_key: key, state: 'sent' });
    expect([...centralCasesOfMother()].filter((id) => !casesBefore.has(id))).toHaveLength(1);
    expect(await call(officer, 'counter.attention', {})).toEqual({ items: [] });
  });

  it('cannot be corrected when the centre refused it for a reason outside the dossier', async () => {
    const draftId = await printedAndChecked(running, officer);
    const refused = await call<SubmissionView>(officer, 'counter.submit', { draftId });
    // As if the centre had answered 403 (this counter not allowed the procedure): not the dossier's fault.
    setRefusalStatus(refused.submissionId, 403);
    const { items } = await call<{ items: AttentionItem[] }>(officer, 'counter.attention', {});
    expect(items.find((i) => i.submissionId === refused.submissionId)).toMatchObject({ correctable: false, refusal: { status: 403 } });
    expect(await failure(officer, 'counter.correct', { submissionId: refused.submissionId })).toBe('SUBMISSION_NOT_CORRECTABLE');
    sim.setFaults({});
    expect(await call<SubmissionView>(officer, 'counter.sendAgain', { submissionId: refused.submissionId })).toMatchObject({ state: 'sent' });
  });
});
