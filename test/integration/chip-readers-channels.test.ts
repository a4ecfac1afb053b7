import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ChipError } from '../../drivers/smartcard/chip-error';
import { pcscInspector, type ChipReaderInspector } from '../../electron/devices/chip-readers';
import { createHost, type Host, type HostConfig } from '../../electron/host/create-host';
import type { DemoCard } from '../../electron/host/demo-card';
import { newSession } from '../../electron/host/session';
import { makeTempDir } from '../support/temp-dir';

// This file's process sees no PC/SC service (libpcsclite looks for pcscd's socket here), whatever the machine runs.
process.env.PCSCLITE_CSOCK_NAME = '/nonexistent/motcua-test/pcscd.comm';

let opened: { host: Host; cleanup: () => void }[] = [];
function open(config: Partial<HostConfig> & { demo: boolean }): Host {
  const tmp = makeTempDir('motcua-chip-readers-');
  const host = createHost({ appRoot: process.cwd(), dbPath: join(tmp.dir, 'm.db'), transport: 'browser', version: 't', devices: false, sync: false, retention: false, ...config });
  opened.push({ host, cleanup: tmp.cleanup });
  return host;
}
afterEach(async () => {
  for (const { host, cleanup } of opened) {
    await host.close();
    cleanup();
  }
  opened = [];
});

const technician = newSession('technician');

describe('chip readers in the technician console', () => {
  it('shows a missing PC/SC service as a status, and a live test then says why in Vietnamese and English', async () => {
    const host = open({ demo: false, chipReaders: pcscInspector });
    const listed = await host.router.dispatch(technician, 'devices.chipReaders', {});
    expect(listed).toEqual({ ok: true, value: { service: 'unavailable', readers: [], demoCard: null } });
    const tested = await host.router.dispatch(technician, 'devices.chipTest', { reader: 'Virtual PCD 00 00' });
    expect(tested.ok).toBe(false);
    if (tested.ok) return;
    expect(tested.error.code).toBe('CHIP_SERVICE_UNAVAILABLE');
    expect(tested.error.message.vi).toContain('pcscd');
    expect(tested.error.message.en).toContain('smart-card service');
  });

  it('tells an empty reader and an unplugged one apart in a live test', async () => {
    let failure: ChipError = new ChipError('NO_CARD', 'no smart card');
    const inspector: ChipReaderInspector = {
      status: async () => ({ service: 'ok', readers: [{ name: 'ACS ACR122U 00 00', cardPresent: false }] }),
      probe: async () => {
        throw failure;
      },
    };
    const host = open({ demo: false, chipReaders: inspector });
    const test = () => host.router.dispatch(technician, 'devices.chipTest', { reader: 'ACS ACR122U 00 00' });
    expect(await test()).toMatchObject({ ok: false, error: { code: 'CHIP_TEST_NO_CARD' } });
    failure = new ChipError('NO_READER', 'unknown reader');
    expect(await test()).toMatchObject({ ok: false, error: { code: 'CHIP_TEST_NO_READER' } });
    failure = new ChipError('CARD_REMOVED', 'card removed');
    expect(await test()).toMatchObject({ ok: false, error: { code: 'CHIP_TEST_FAILED' } });
  });

  it('has no demo card outside demo mode: the channel is refused, even with a card given', async () => {
    const card: DemoCard = { present: () => false, put: async () => true, remove: async () => undefined };
    const host = open({ demo: false, demoCard: card });
    const put = await host.router.dispatch(technician, 'devices.demoCard', { present: true });
    expect(put).toMatchObject({ ok: false, error: { code: 'DEMO_ONLY' } });
    expect(put.ok ? null : put.error.message.en).toBe('This function exists only in demo mode.');
  });

  it('puts the demo card on and takes it off in demo mode, and says so calmly when vpcd is not there', async () => {
    let present = false;
    let vpcd = true;
    const card: DemoCard = { present: () => present, put: async () => (present = vpcd), remove: async () => void (present = false) };
    const host = open({ demo: true, demoCard: card });
    expect(await host.router.dispatch(technician, 'devices.demoCard', { present: true })).toEqual({ ok: true, value: { present: true } });
    expect(await host.router.dispatch(technician, 'devices.chipReaders', {})).toMatchObject({ ok: true, value: { demoCard: { present: true } } });
    expect(await host.router.dispatch(technician, 'devices.demoCard', { present: false })).toEqual({ ok: true, value: { present: false } });
    vpcd = false;
    const refused = await host.router.dispatch(technician, 'devices.demoCard', { present: true });
    expect(refused).toMatchObject({ ok: false, error: { code: 'DEMO_CARD_UNAVAILABLE' } });
    expect(refused.ok ? null : refused.error.message.vi).toContain('vpcd');
  });

  it('refuses a reader name that is not one (zod at the boundary)', async () => {
    const host = open({ demo: true });
    const bad = await host.router.dispatch(technician, 'devices.chipTest', { reader: '' });
    expect(bad.ok).toBe(false);
  });
});
