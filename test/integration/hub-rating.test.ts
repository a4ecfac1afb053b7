import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newSession } from '../../electron/host/session';
import { hostCall, startHostWithCentral, type HostWithCentral } from '../support/host-with-central';
import { startMachineHost } from '../support/hub-machines';
import { PAIRING_CODE, startTestHub } from '../support/hub-rig';

let rig: Awaited<ReturnType<typeof startTestHub>>;
let rating: HostWithCentral;
let kiosk: ReturnType<typeof startMachineHost>;
let counter: ReturnType<typeof startMachineHost>;
const citizen = newSession('kiosk');
const officer = { ...newSession('officer'), account: 'canbo' };

beforeAll(async () => {
  rig = await startTestHub();
  kiosk = startMachineHost('rating-kiosk');
  counter = startMachineHost('rating-counter');
  rating = await startHostWithCentral('rating');
  await kiosk.host.hub.join({ url: rig.url, code: PAIRING_CODE, role: 'kiosk' });
  await counter.host.hub.join({ url: rig.url, code: PAIRING_CODE, role: 'counter' });
  expect((await rating.host.hub.join({ url: rig.url, code: PAIRING_CODE, role: 'rating' })).label).toBe('R1');
});
afterAll(async () => {
  await Promise.all([kiosk.close(), counter.close(), rating.close()]);
  await rig.close();
});

const rate = hostCall(() => rating.host);

describe('the satisfaction rating', () => {
  it('asks about the ticket its counter serves, counts one rating per ticket, and sends it to the centre tied to counter, officer and ticket', async () => {
    expect(await rate(citizen, 'rating.target', {})).toEqual({ counter: '1', ticket: null, rated: false });
    expect(await rate(citizen, 'rating.submit', { score: 'satisfied', reasons: [] })).toEqual({ rated: false, waitingToSend: 0 });
    await kiosk.call(citizen, 'queue.take', { serviceId: 'ho-tich' });
    await counter.call(officer, 'queue.callNext', {});
    await counter.call(officer, 'queue.serve', {});
    expect(await rate(citizen, 'rating.target', {})).toEqual({ counter: '1', ticket: 'A001', rated: false });
    expect(await rate(citizen, 'rating.submit', { score: 'very-satisfied', reasons: ['quick', 'helpful-staff'] })).toEqual({ rated: true, waitingToSend: 0 });
    expect(await rate(citizen, 'rating.target', {})).toMatchObject({ ticket: 'A001', rated: true });
    expect(await rate(citizen, 'rating.submit', { score: 'dissatisfied', reasons: [] })).toMatchObject({ rated: false });
    const [sent] = rating.sim.ratings.all();
    expect(sent).toMatchObject({ counter: '1', ticket: 'A001', officer: 'canbo', score: 'very-satisfied', reasons: ['quick', 'helpful-staff'] });
    expect(Object.keys(sent!).sort()).toEqual(['at', 'counter', 'device', 'officer', 'ratingId', 'reasons', 'score', 'ticket']);
  });

  it('keeps a rating while the centre is away and sends it once, when it is back', async () => {
    await kiosk.call(citizen, 'queue.take', { serviceId: 'ho-tich' });
    await counter.call(officer, 'queue.callNext', {});
    // Called, not yet served: the screen still asks about A001, which is rated.
    expect(await rate(citizen, 'rating.target', {})).toMatchObject({ ticket: 'A001', rated: true });
    await counter.call(officer, 'queue.serve', {});
    rating.sim.setFaults({ down: true });
    expect(await rate(citizen, 'rating.submit', { score: 'dissatisfied', reasons: ['waited-long'] })).toEqual({ rated: true, waitingToSend: 1 });
    rating.sim.setFaults({});
    await rating.host.hub.settle();
    await rating.host.hub.settle();
    expect(rating.sim.ratings.all().map((r) => `${r.ticket}:${r.score}`)).toEqual(['A001:very-satisfied', 'A002:dissatisfied']);
  });

  it('refuses a reason that is not on the list', async () => {
    await expect(rate(citizen, 'rating.submit', { score: 'satisfied', reasons: ['name:Nguyễn Văn An'] })).rejects.toMatchObject({ data: { code: 'BAD_INPUT' } });
  });
});
