import { join } from 'node:path';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHost, DEMO_TECHNICIAN_PIN, type Host } from '../../electron/host/create-host';
import { connectHost, serveHost, type HostPort, type ServedHost } from '../../electron/host/host-protocol';
import { newSession } from '../../electron/host/session';
import { makeTempDir } from '../support/temp-dir';
import { isoDate } from '../../electron/base/calendar-date';

/** The host protocol over a real MessageChannel (structured clone, as to a worker thread) with a real host. */
const portOf = (port: MessagePort): HostPort => ({ post: (m) => port.postMessage(m), onMessage: (l) => port.on('message', l) });

let tmp: ReturnType<typeof makeTempDir>;
let host: Host;
let remote: ServedHost;
let hostPort: MessagePort;
let closedOnHostSide = false;

beforeAll(() => {
  tmp = makeTempDir('motcua-protocol-');
  host = createHost({ appRoot: process.cwd(), dbPath: join(tmp.dir, 'motcua.db'), demo: true, sync: false, devices: false, retention: false, transport: 'browser', version: 'test', today: () => isoDate('2026-11-23') });
  const { port1, port2 } = new MessageChannel();
  hostPort = port1;
  serveHost(host, portOf(port1), () => (closedOnHostSide = true));
  remote = connectHost(portOf(port2));
});
afterAll(() => {
  hostPort.close();
  tmp.cleanup();
});

describe('host protocol', () => {
  it('a call comes back with its Result, refusals included', async () => {
    const kiosk = newSession();
    expect(await remote.router.dispatch(kiosk, 'app.info', {})).toMatchObject({ ok: true, value: { demo: true, transport: 'browser' } });
    expect(await remote.router.dispatch(kiosk, 'no.such.channel', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    expect(await remote.router.dispatch(kiosk, 'session.unlockTechnician', { pin: 12 })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
  });

  it("the host keeps the session: an unlock there makes the transport's session a technician", async () => {
    const screen = newSession();
    expect(await remote.router.dispatch(screen, 'session.unlockTechnician', { pin: DEMO_TECHNICIAN_PIN })).toMatchObject({ ok: true });
    expect(screen.role).toBe('technician');
    expect(await remote.router.dispatch(screen, 'accounts.list', {})).toMatchObject({ ok: true });
    expect(await remote.router.dispatch(newSession(), 'accounts.list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it("events reach a subscriber by its session's role, and stop after unsubscribing", async () => {
    const technician = newSession();
    await remote.router.dispatch(technician, 'session.unlockTechnician', { pin: DEMO_TECHNICIAN_PIN });
    const kioskSeen: string[] = [];
    const technicianSeen: string[] = [];
    const offKiosk = remote.events.subscribe(newSession(), (event) => kioskSeen.push(event));
    const offTechnician = remote.events.subscribe(technician, (event) => technicianSeen.push(event));
    await remote.router.dispatch(technician, 'app.info', {}); // the subscriptions are in before this answer
    host.events.publish('devices.changed', {});
    await remote.router.dispatch(technician, 'app.info', {});
    expect(technicianSeen).toEqual(['devices.changed']);
    expect(kioskSeen).toEqual([]);
    offTechnician();
    offKiosk();
    await remote.router.dispatch(technician, 'app.info', {});
    host.events.publish('devices.changed', {});
    await remote.router.dispatch(technician, 'app.info', {});
    expect(technicianSeen).toEqual(['devices.changed']);
  });

  it('a message that is not the protocol is ignored; close ends the host', async () => {
    hostPort.emit('message', { t: 'call', id: 'x' });
    expect(await remote.router.dispatch(newSession(), 'app.info', {})).toMatchObject({ ok: true });
    await remote.close();
    expect(closedOnHostSide).toBe(true);
    expect(() => host.db.prepare('SELECT 1').get()).toThrow(/not open/);
  });
});
