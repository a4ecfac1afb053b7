import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrintedDocument } from '../../electron/contract';
import { newSession } from '../../electron/host/session';
import { startMachineHost } from '../support/hub-machines';
import { PAIRING_CODE, startTestHub } from '../support/hub-rig';

let rig: Awaited<ReturnType<typeof startTestHub>>;
let kiosk: ReturnType<typeof startMachineHost>;
let counter: ReturnType<typeof startMachineHost>;
const kioskSession = newSession('kiosk');
const officer = newSession('officer');

beforeAll(async () => {
  rig = await startTestHub();
  kiosk = startMachineHost('kiosk');
  counter = startMachineHost('counter');
});
afterAll(async () => {
  await Promise.all([kiosk.close(), counter.close()]);
  await rig.close();
});

const refusal = (p: Promise<unknown>) => p.then(() => 'accepted', (e: { data: { code: string; message: { vi: string } } }) => e.data);

describe('a machine of the centre and its hub', () => {
  it('an unpaired machine says so; pairing with the code makes it a kiosk K1 and a counter 1', async () => {
    expect(await kiosk.call(kioskSession, 'hub.status', {})).toMatchObject({ state: 'unpaired' });
    expect(await refusal(kiosk.call(kioskSession, 'queue.take', { serviceId: 'ho-tich' }))).toMatchObject({ code: 'HUB_NOT_PAIRED' });
    expect(await refusal(kiosk.host.hub.join({ url: rig.url, code: 'WRONG-CODE', role: 'kiosk' }))).toMatchObject({ code: 'HUB_PAIRING_REFUSED' });
    expect(await kiosk.host.hub.join({ url: rig.url, code: PAIRING_CODE, role: 'kiosk' })).toMatchObject({ role: 'kiosk', label: 'K1' });
    expect(await counter.host.hub.join({ url: rig.url, code: PAIRING_CODE, role: 'counter' })).toMatchObject({ role: 'counter', label: '1' });
  });

  it('the kiosk lists the services and takes a number; its 80 mm ticket shows the number, service, time and people ahead', async () => {
    const { services } = await kiosk.call<{ services: { id: string; name: { vi: string }; waiting: number }[] }>(kioskSession, 'queue.services', {});
    expect(services.map((s) => s.id)).toEqual(['ho-tich', 'can-cuoc-cu-tru', 'dat-dai-xay-dung', 'khac']);
    const first = await kiosk.call<{ ticket: { number: string; ahead: number } }>(kioskSession, 'queue.take', { serviceId: 'ho-tich' });
    const second = await kiosk.call<{ ticket: { number: string; ahead: number; serviceId: string } }>(kioskSession, 'queue.take', { serviceId: 'ho-tich' });
    expect(first.ticket).toMatchObject({ number: 'A001', ahead: 0 });
    expect(second.ticket).toMatchObject({ number: 'A002', ahead: 1, serviceId: 'ho-tich' });
    const doc = await kiosk.call<PrintedDocument>(kioskSession, 'queue.printTicket', { number: 'A002' });
    const file = join(kiosk.dir, doc.fileName);
    writeFileSync(file, Buffer.from(doc.pdfBase64, 'base64'));
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('SỐ THỨ TỰ');
    expect(text).toContain('A002');
    expect(text).toContain('Hộ tịch (khai sinh, kết hôn, khai tử)');
    expect(text).toContain('Số người đang chờ trước Ông/Bà: 1');
    expect(text.replace(/\s+/g, ' ')).toMatch(/Giờ lấy số \/ Issued: \d\d:\d\d, ngày \d{1,2} tháng \d{1,2} năm \d{4}/);
    // The 80 mm roll: 226.8 points wide.
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Page size:\s+226\.7\d* x/);
    expect(await refusal(kiosk.call(kioskSession, 'queue.printTicket', { number: 'B999' }))).toMatchObject({ code: 'QUEUE_TICKET_UNKNOWN' });
  });

  it('the counter calls, calls again, serves, skips and transfers; the board lists the calls', async () => {
    expect(await counter.call(officer, 'queue.callNext', {})).toMatchObject({ ticket: { number: 'A001', counter: '1', state: 'called' } });
    expect(await counter.call(officer, 'queue.callAgain', {})).toMatchObject({ ticket: { number: 'A001' } });
    expect(await counter.call(officer, 'queue.serve', {})).toMatchObject({ ticket: { number: 'A001', state: 'serving' } });
    expect(await counter.call(officer, 'queue.callNext', {})).toMatchObject({ ticket: { number: 'A002' } });
    expect(await counter.call(officer, 'queue.transfer', { serviceId: 'khac' })).toMatchObject({ ticket: { number: 'A002', state: 'waiting', serviceId: 'khac' } });
    expect(await counter.call(officer, 'queue.callNext', {})).toMatchObject({ ticket: { number: 'A002', serviceId: 'khac' } });
    expect(await counter.call(officer, 'queue.skip', {})).toMatchObject({ ticket: { number: 'A002', state: 'no-show' } });
    expect(await counter.call(officer, 'queue.callNext', {})).toEqual({ ticket: null });
    expect(await counter.call(officer, 'queue.current', {})).toEqual({ ticket: null, counter: '1' });
    const board = await kiosk.call<{ calls: { number: string; counter: string }[] }>(kioskSession, 'queue.board', {});
    expect(board.calls.map((c) => c.number)).toEqual(['A002', 'A002', 'A001', 'A001']);
    // A kiosk cannot call; the kiosk session of a counter machine cannot either.
    expect(await refusal(kiosk.call(newSession('officer'), 'queue.callNext', {}))).toMatchObject({ code: 'QUEUE_NOT_A_COUNTER' });
    expect(await refusal(counter.call(kioskSession, 'queue.callNext', {}))).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('"Hỏi cán bộ": the kiosk’s call reaches the counter, which answers, and the kiosk sees an officer is coming', async () => {
    const asked = await kiosk.call<{ request: { kiosk: string; since: string } }>(kioskSession, 'help.request', {});
    expect(asked.request).toMatchObject({ kiosk: 'K1', takenBy: null });
    expect(await counter.call(officer, 'help.list', {})).toEqual({ requests: [{ kiosk: 'K1', since: asked.request.since, takenBy: null }] });
    expect(await counter.call(officer, 'help.take', { kiosk: 'K1' })).toMatchObject({ request: { kiosk: 'K1', takenBy: '1' } });
    expect(await kiosk.call(kioskSession, 'help.mine', {})).toMatchObject({ request: { takenBy: '1' } });
    await kiosk.call(kioskSession, 'help.close', {});
    expect(await counter.call(officer, 'help.list', {})).toEqual({ requests: [] });
  });

  it('without the hub, the kiosk numbers from its reserved block, the counter calls by hand, and both say the hub is away', async () => {
    await rig.stop();
    const { services } = await kiosk.call<{ services: { id: string }[] }>(kioskSession, 'queue.services', {});
    expect(services.map((s) => s.id)).toContain('ho-tich');
    const { ticket } = await kiosk.call<{ ticket: { number: string; offline: boolean } }>(kioskSession, 'queue.take', { serviceId: 'ho-tich' });
    expect(ticket).toMatchObject({ number: 'K1-001', offline: true });
    const doc = await kiosk.call<PrintedDocument>(kioskSession, 'queue.printTicket', { number: 'K1-001' });
    const file = join(kiosk.dir, doc.fileName);
    writeFileSync(file, Buffer.from(doc.pdfBase64, 'base64'));
    expect(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })).toContain('Cán bộ sẽ gọi số này tại quầy.');
    expect(await counter.call(officer, 'queue.callNumber', { number: 'k1-001' })).toMatchObject({ ticket: { number: 'K1-001', state: 'called', counter: '1' } });
    const error = await refusal(counter.call(officer, 'queue.callNext', {}));
    expect(error).toMatchObject({ code: 'HUB_OFFLINE' });
    expect(await kiosk.call(kioskSession, 'hub.status', {})).toMatchObject({ state: 'offline', label: 'K1' });
    expect(await kiosk.call(kioskSession, 'kiosk.options', {})).toBeTruthy();
  });

  it('the hub back: the kiosk gives its block tickets back and the counter’s call by hand reaches the board', async () => {
    await rig.restart();
    await kiosk.host.hub.settle();
    await counter.host.hub.settle();
    const board = await kiosk.call<{ calls: { number: string; counter: string }[] }>(kioskSession, 'queue.board', {});
    expect(board.calls[0]).toMatchObject({ number: 'K1-001', counter: '1' });
  });
});
