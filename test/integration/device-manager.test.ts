import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventName, EventPayload } from '../../electron/contract';
import { AuditRepository } from '../../electron/db/audit-repository';
import { createHost, DEMO_TECHNICIAN_PIN, type Host } from '../../electron/host/create-host';
import { newSession, type Session } from '../../electron/host/session';
import { makeTempDir } from '../support/temp-dir';
import { until } from '../support/until';
import { isoDate } from '../../electron/base/calendar-date';

// The real device manager over the replay transport: recorded report streams through the real
// decoders, classifier, audit and event bus — what a kiosk sees when a card is scanned.
let tmp: ReturnType<typeof makeTempDir>;
let host: Host;
let technician: Session;

const start = () => createHost({ appRoot: process.cwd(), dbPath: join(tmp.dir, 'm.db'), demo: true, transport: 'browser', version: 't', today: () => isoDate('2026-11-23') });

async function call<T>(session: Session, channel: string, input: unknown = {}): Promise<T> {
  const result = await host.router.dispatch(session, channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code}`);
  return result.value as T;
}

function collect<E extends EventName>(session: Session, name: E): EventPayload<E>[] {
  const seen: EventPayload<E>[] = [];
  host.events.subscribe(session, (event, payload) => {
    if ((event as EventName) === name) seen.push(payload as unknown as EventPayload<E>);
  });
  return seen;
}

interface View { key: string; role: string; connected: boolean; profile: { mode: string } }

beforeEach(async () => {
  tmp = makeTempDir('motcua-devices-');
  host = start();
  technician = newSession('kiosk');
  await call(technician, 'session.unlockTechnician', { pin: DEMO_TECHNICIAN_PIN });
});
afterEach(async () => {
  await host.close();
  tmp.cleanup();
});

describe('device manager', () => {
  it('lists the recorded devices a technician can replay', async () => {
    const overview = await call<{ replays: string[]; backend: { status: string } }>(technician, 'devices.list');
    expect(overview.replays).toEqual(['hid-pos-cccd-qr', 'hid-pos-receipt-code128', 'keyboard-cccd-qr']);
  });

  it('an unassigned device sends nothing to the kiosk; once assigned as ID reader, its scan identifies the citizen', async () => {
    const kiosk = newSession('kiosk');
    const scans = collect(kiosk, 'scan');
    const plugged = await call<View>(technician, 'devices.replay', { name: 'hid-pos-cccd-qr' });
    expect(plugged).toMatchObject({ role: 'none', profile: { mode: 'pos' } });
    await new Promise((r) => setTimeout(r, 300));
    expect(scans).toEqual([]);

    await call(technician, 'devices.assign', { key: plugged.key, role: 'id-reader', profile: { ...plugged.profile } });
    await call(technician, 'devices.replay', { name: 'hid-pos-cccd-qr' });
    await until(() => scans.length > 0);
    expect(scans[0]).toMatchObject({
      device: plugged.key,
      result: { kind: 'identity', source: 'cccd-qr', asciiOnly: false, identity: { personalNumber: '079199012345', fullName: 'Nguyễn Văn An', birthDate: '1999-05-01' } },
    });
    const audit = new AuditRepository(host.db).all().filter((r) => r.channel === 'device.scan');
    expect(audit).toHaveLength(1);
    expect(audit[0]!.purpose).toBe('identify-citizen');
    expect(audit[0]!.subject).not.toContain('079199012345');
  });

  it('the assignment persists and is applied again after a restart', async () => {
    const plugged = await call<View>(technician, 'devices.replay', { name: 'keyboard-cccd-qr' });
    await call(technician, 'devices.assign', { key: plugged.key, role: 'barcode-scanner', profile: { mode: 'keyboard', layout: 'us', suffix: 'enter', interKeyGapMs: 80 } });
    await host.close();
    host = start();
    await call(technician, 'session.unlockTechnician', { pin: DEMO_TECHNICIAN_PIN });
    const kiosk = newSession('kiosk');
    const scans = collect(kiosk, 'scan');
    await call(technician, 'devices.replay', { name: 'keyboard-cccd-qr' });
    const overview = await call<{ devices: View[] }>(technician, 'devices.list');
    expect(overview.devices.find((d) => d.key === plugged.key)).toMatchObject({ role: 'barcode-scanner', profile: { interKeyGapMs: 80 } });
    await until(() => scans.length > 0);
    // Keyboard mode: the numbers arrive, the Vietnamese letters cannot.
    expect(scans[0]!.result).toMatchObject({ kind: 'identity', asciiOnly: true, identity: { personalNumber: '001099012345', fullName: 'NGUYEN VAN AN' } });
  });

  it('a live test shows the technician raw bytes and the decoded result, and nothing to a kiosk', async () => {
    const live = collect(technician, 'devices.live');
    const kioskLive = collect(newSession('kiosk'), 'devices.live');
    const plugged = await call<View>(technician, 'devices.replay', { name: 'hid-pos-receipt-code128' });
    await call(technician, 'devices.test', { key: plugged.key, on: true });
    // The reader the test starts opens the device asynchronously; a technician re-plugs it after.
    const connected = () => host.router.dispatch(technician, 'devices.list', {}).then((r) => r.ok && (r.value as { devices: View[] }).devices.some((d) => d.key === plugged.key && d.connected));
    while (!(await connected())) await new Promise((r) => setTimeout(r, 10));
    await call(technician, 'devices.replay', { name: 'hid-pos-receipt-code128' });
    await until(() => live.some((l) => l.result !== undefined));
    expect(live.find((l) => l.raw)?.raw).toMatch(/^02 [0-9a-f]{2} 5d 43 30/);
    expect(live.find((l) => l.result)?.result).toEqual({ kind: 'receipt', receiptCode: 'HS-2024-000123' });
    expect(kioskLive).toEqual([]);
  });

  it('devices are for technicians only, and an unknown recording is a typed error', async () => {
    const kiosk = newSession('kiosk');
    expect(await host.router.dispatch(kiosk, 'devices.list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await host.router.dispatch(technician, 'devices.replay', { name: '../../etc/passwd' })).toMatchObject({ ok: false, error: { code: 'DEVICE_UNKNOWN' } });
  });
});
