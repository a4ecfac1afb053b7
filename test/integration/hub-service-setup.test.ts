import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newSession } from '../../electron/host/session';
import { startMachineHost } from '../support/hub-machines';
import { PAIRING_CODE, startTestHub } from '../support/hub-rig';

let rig: Awaited<ReturnType<typeof startTestHub>>;
let kiosk: ReturnType<typeof startMachineHost>;
let counter: ReturnType<typeof startMachineHost>;
const technician = newSession('technician');

beforeAll(async () => {
  rig = await startTestHub();
  kiosk = startMachineHost('kiosk');
  counter = startMachineHost('counter');
  await kiosk.host.hub.join({ url: rig.url, code: PAIRING_CODE, role: 'kiosk' });
  await counter.host.hub.join({ url: rig.url, code: PAIRING_CODE, role: 'counter' });
});
afterAll(async () => {
  await Promise.all([kiosk.close(), counter.close()]);
  await rig.close();
});

type Service = { id: string; prefix: string; name: { vi: string; en: string }; procedures: string[]; counters: string[] };
const refusal = (p: Promise<unknown>) => p.then(() => 'accepted', (e: { data: { code: string; message: { vi: string; en: string }; fields?: string[] } }) => e.data);

describe('the technician sets the centre’s services on the hub', () => {
  it('sees the services the hub holds, saves a new list from a counter machine, and the kiosk offers it with its letters', async () => {
    const { services } = await counter.call<{ services: Service[] }>(technician, 'queue.serviceSetup', {});
    expect(services.map((s) => `${s.prefix} ${s.id} ${s.counters.join(',')}`)).toEqual(['A ho-tich 1,2', 'B can-cuoc-cu-tru 3,4', 'C dat-dai-xay-dung 5', 'D khac 1,2,3,4,5']);
    const next: Service[] = [
      { ...services[0]!, counters: ['1'] },
      { id: 'bhxh', prefix: 'E', name: { vi: 'Bảo hiểm xã hội', en: 'Social insurance' }, procedures: ['1.001193', 'BHXH.CAP-SO'], counters: ['2', '3'] },
    ];
    expect((await counter.call<{ services: Service[] }>(technician, 'queue.setServiceSetup', { services: next })).services).toEqual(next);
    const offered = await kiosk.call<{ services: { id: string; prefix: string; name: { vi: string } }[] }>(newSession('kiosk'), 'queue.services', {});
    expect(offered.services.map((s) => `${s.prefix} ${s.name.vi}`)).toEqual(['A Hộ tịch (khai sinh, kết hôn, khai tử)', 'E Bảo hiểm xã hội']);
    const { ticket } = await kiosk.call<{ ticket: { number: string } }>(newSession('kiosk'), 'queue.take', { serviceId: 'bhxh' });
    expect(ticket.number).toBe('E001');
    // Counter 3 now serves social insurance and calls that number.
    expect((await counter.call<{ services: Service[] }>(technician, 'queue.serviceSetup', {})).services[1]!.counters).toEqual(['2', '3']);
  });

  it('refuses a repeated letter, an empty name or a service without counters, saying which field in Vietnamese and English', async () => {
    const base = { id: 'a', prefix: 'A', name: { vi: 'Một', en: 'One' }, procedures: [], counters: ['1'] };
    const repeated = await refusal(counter.call(technician, 'queue.setServiceSetup', { services: [base, { ...base, id: 'b' }] }));
    expect(repeated).toMatchObject({ code: 'QUEUE_SERVICE_REPEATED', fields: ['services.1.prefix'] });
    expect(repeated).toHaveProperty('message.vi', expect.stringContaining('chữ cái đầu số'));
    expect(repeated).toHaveProperty('message.en', expect.stringContaining('number letter'));
    const bad = await refusal(counter.call(technician, 'queue.setServiceSetup', { services: [{ ...base, name: { vi: ' ', en: 'One' }, counters: [] }] }));
    expect(bad).toMatchObject({ code: 'BAD_INPUT', fields: expect.arrayContaining(['services.0.name.vi', 'services.0.counters']) });
    // Nothing of the refused lists reached the hub.
    expect((await counter.call<{ services: Service[] }>(technician, 'queue.serviceSetup', {})).services.map((s) => s.id)).toEqual(['ho-tich', 'bhxh']);
  });

  it('from a kiosk machine, the hub refuses the set-up and says to use a counter machine', async () => {
    const error = await refusal(kiosk.call(technician, 'queue.setServiceSetup', { services: [{ id: 'a', prefix: 'A', name: { vi: 'Một', en: 'One' }, procedures: [], counters: ['1'] }] }));
    expect(error).toMatchObject({ code: 'QUEUE_SETUP_NEEDS_COUNTER' });
    expect(error).toHaveProperty('message.vi', expect.stringContaining('máy quầy'));
  });
});
