import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { HubClient, HubRefused, HubUnavailable, pairWithHub } from '../../electron/hub/hub-client';
import { publicKeyPem, signedHeaders } from '../../electron/hub/hub-wire';
import { newDeviceKey, PAIRING_CODE, startTestHub } from '../support/hub-rig';
import { until } from '../support/until';

type Rig = Awaited<ReturnType<typeof startTestHub>>;
let rig: Rig | null = null;
afterEach(async () => {
  await rig?.close();
  rig = null;
});

describe('pairing a machine with the centre hub', () => {
  it('pairs with the code shown on the hub, pins the hub key and numbers machines per role', async () => {
    rig = await startTestHub();
    const k1 = await pairWithHub(rig.url, PAIRING_CODE, 'kiosk', newDeviceKey());
    const k2 = await pairWithHub(rig.url, 'test code 2026', 'kiosk', newDeviceKey());
    const c1 = await pairWithHub(rig.url, PAIRING_CODE, 'counter', newDeviceKey());
    expect([k1.label, k2.label, c1.label]).toEqual(['K1', 'K2', '1']);
    expect(k1.hubPublicKey).toBe(rig.hub.publicKeyPem);
  });

  it('the same machine pairing again keeps its label', async () => {
    rig = await startTestHub();
    const key = newDeviceKey();
    await pairWithHub(rig.url, PAIRING_CODE, 'kiosk', newDeviceKey());
    const first = await pairWithHub(rig.url, PAIRING_CODE, 'kiosk', key);
    const again = await pairWithHub(rig.url, PAIRING_CODE, 'kiosk', key);
    expect(again.label).toBe(first.label);
  });

  it('refuses a wrong code, and voids the code after five wrong ones', async () => {
    rig = await startTestHub();
    await expect(pairWithHub(rig.url, 'WRNG-CODE-0000', 'kiosk', newDeviceKey())).rejects.toThrow(HubRefused);
    for (let i = 0; i < 4; i++) await pairWithHub(rig.url, `WRNG-CODE-000${i}`, 'kiosk', newDeviceKey()).catch(() => {});
    await expect(pairWithHub(rig.url, PAIRING_CODE, 'kiosk', newDeviceKey())).rejects.toThrow(HubRefused);
  });

  it('a machine does not pin a hub that cannot prove the code', async () => {
    // A man in the middle answering with its own key: it does not know the code, so its proof fails.
    const impostor = newDeviceKey();
    const server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ hubPublicKey: publicKeyPem(impostor.publicKey), role: 'kiosk', label: 'K1', proof: 'A'.repeat(43) }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      await expect(pairWithHub(url, PAIRING_CODE, 'kiosk', newDeviceKey())).rejects.toMatchObject({ code: 'hub-not-proven' });
    } finally {
      server.close();
    }
  });

  it('refuses requests that are unsigned, replayed, stale or from a machine it never paired', async () => {
    const now = { t: Date.parse('2026-12-07T02:00:00Z') };
    rig = await startTestHub({ now: () => new Date(now.t) });
    const key = newDeviceKey();
    await pairWithHub(rig.url, PAIRING_CODE, 'kiosk', key);
    const post = (headers: Record<string, string>) =>
      fetch(`${rig!.url}/v1/rpc/services`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: '{}' }).then((r) => r.status);
    const signed = signedHeaders('POST', '/v1/rpc/services', '{}', key, now.t);
    expect(await post(signed)).toBe(200);
    expect(await post(signed)).toBe(401); // the same nonce again
    expect(await post({})).toBe(401);
    expect(await post(signedHeaders('POST', '/v1/rpc/services', '{}', key, now.t - 6 * 60_000))).toBe(401);
    expect(await post(signedHeaders('POST', '/v1/rpc/services', '{}', newDeviceKey(), now.t))).toBe(401);
    // Signed for another body than the one sent.
    expect(await post(signedHeaders('POST', '/v1/rpc/services', '{"x":1}', key, now.t))).toBe(401);
  });

  it('a machine refuses answers not signed by the hub it paired with', async () => {
    rig = await startTestHub();
    const key = newDeviceKey();
    const link = await pairWithHub(rig.url, PAIRING_CODE, 'kiosk', key);
    const impostor = newDeviceKey();
    const client = new HubClient({ link: { ...link, hubPublicKey: publicKeyPem(impostor.publicKey) }, key });
    await expect(client.call('services')).rejects.toThrow(HubUnavailable);
    const genuine = new HubClient({ link, key });
    const { services } = await genuine.call<{ services: { id: string }[] }>('services');
    expect(services.map((s) => s.id)).toContain('ho-tich');
  });

  it('refuses an operation the machine role may not do', async () => {
    rig = await startTestHub();
    const display = await rig.machine('display');
    await expect(display.call('take', { serviceId: 'ho-tich' })).rejects.toMatchObject({ status: 403 });
  });
});

describe('events from the hub', () => {
  it('reach a paired machine signed, and a lost hub is noticed and found again', async () => {
    rig = await startTestHub();
    const states: string[] = [];
    const boards: unknown[] = [];
    const counter = await rig.machine('counter', {
      onState: (s) => states.push(s),
      onEvent: (topic, payload) => topic === 'queue' && boards.push(payload),
      random: () => 0,
    });
    const kiosk = await rig.machine('kiosk');
    counter.start();
    try {
      await until(() => counter.status().state === 'online');
      await kiosk.call('take', { serviceId: 'ho-tich' });
      await counter.call('callNext', { officer: 'canbo' });
      await until(() => boards.some((b) => JSON.stringify(b).includes('"number":"A001","counter":"1"')));
      await rig.stop();
      await until(() => counter.status().state === 'offline');
      await rig.restart();
      await until(() => counter.status().state === 'online', 8000);
      expect(states).toEqual(['online', 'offline', 'online']);
    } finally {
      counter.stop();
    }
  });
});
