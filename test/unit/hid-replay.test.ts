import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildHidFixtures } from '../../scripts/make-hid-fixtures';
import { probeHidBackend } from '../../drivers/hid/backend-status';
import { loadNodeHidTransport } from '../../drivers/hid/node-hid-transport';
import { ScanPipeline } from '../../drivers/hid/pipeline';
import { parseFixture, ReplayTransport, type ReplayDevice } from '../../drivers/hid/replay-transport';
import { parseReportLines } from '../../drivers/hid/report-lines';
import type { ScanEvent } from '../../drivers/hid/scan';

const FIXTURES = join(__dirname, '../fixtures/hid');

function fixture(name: string): ReplayDevice {
  const device = parseFixture(readFileSync(join(FIXTURES, name), 'utf8'), `replay:${name}`);
  if (!('reports' in device)) throw new Error(device.detail);
  return device;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('parseReportLines', () => {
  it('reads hex reports, skipping blank lines and comments, summing +N delays', () => {
    expect(parseReportLines('# header\n\n+0 02 1e\r\n  \n+12 00 00 04 # key a\n# note\nff\n+3.5 0A\n')).toEqual({
      kind: 'reports',
      reports: [Uint8Array.from([0x02, 0x1e]), Uint8Array.from([0, 0, 4]), Uint8Array.from([0xff]), Uint8Array.from([0x0a])],
      timestamps: [0, 12, 12, 15.5],
    });
  });

  it.each([
    ['02 1e\n02 zz 03', 2, '"zz" is not a hex byte'],
    ['0x02', 1, '"0x02" is not a hex byte'],
    ['02 1', 1, '"1" is not a hex byte'],
    ['\n+12', 2, 'a delay without a report'],
    ['+x 02', 1, '"+x" is not a hex byte'],
    // Found while fuzzing: 400 digits made an Infinity timestamp.
    [`+${'9'.repeat(400)} 02`, 1, `"+${'9'.repeat(400)}" is not a hex byte`],
  ])('refuses %j at line %i, without throwing', (text, line, detail) => {
    expect(parseReportLines(text)).toEqual({ kind: 'error', code: 'bad-hex', line, detail });
  });
});

describe('parseFixture', () => {
  it('reads the header into device info and mode', () => {
    expect(fixture('pos-single-packet-code128.hex')).toMatchObject({
      info: {
        path: 'replay:pos-single-packet-code128.hex',
        vendorId: 0x0c2e,
        productId: 0x0b61,
        usagePage: 0x8c,
        usage: 0x02,
        product: 'Synthesised HID-POS scanner',
        serialNumber: 'SYN-POS-0001',
      },
      mode: 'pos',
      timestamps: [0],
    });
  });

  it.each([
    ['02 03', 0, 'no "# vendorId=… productId=… mode=…" header'],
    ['# vendorId=0x1 mode=pos', 1, 'vendorId and productId are required'],
    ['# vendorId=0x1 productId=zz mode=pos', 1, 'productId=zz is not a number'],
    ['# vendorId=0x1 productId=2 mode=serial', 1, 'mode=serial is not keyboard or pos'],
  ])('refuses a bad header: %j', (text, line, detail) => {
    expect(parseFixture(text, 'x')).toEqual({ kind: 'error', code: 'bad-header', line, detail });
  });

  it('every fixture says it was synthesised, and matches what the script generates today', () => {
    const generated = buildHidFixtures();
    expect(readdirSync(FIXTURES).sort()).toEqual([...generated.keys()].sort());
    for (const [name, text] of generated) {
      expect(readFileSync(join(FIXTURES, name), 'utf8'), `${name} is stale: run npx tsx scripts/make-hid-fixtures.ts`).toBe(text);
      expect(text).toContain('# Synthesised by scripts/make-hid-fixtures.ts');
    }
  });
});

/** Opens a replayed device and runs its reports through the real decoders. */
async function replay(transport: ReplayTransport, device: ReplayDevice): Promise<ScanEvent[]> {
  transport.plug(device);
  const connection = await transport.open(device.info.path);
  const pipeline = new ScanPipeline(device.mode);
  const events: ScanEvent[] = [];
  connection.onReport((report, at) => events.push(...pipeline.push(report, at)));
  await connection.finished;
  events.push(...pipeline.flush(Infinity));
  return events;
}

const texts = (events: ScanEvent[]) => events.map((e) => (e.kind === 'scan' ? e.text : `error:${e.code}`));

describe('ReplayTransport', () => {
  it.each([
    ['keyboard-us-cccd-qr.hex', ['001099012345|012345678|NGUYEN VAN AN|01051999|Nam|So 1 Ben Nghe|10102021']],
    ['keyboard-rollover-repeat.hex', ['abcde112fghij']],
    ['keyboard-shift-capslock.hex', ['Hello World ABCd1!e']],
    ['pos-qr-vietnamese-name.hex', ['079199012345|025123456|Nguyễn Văn An|01051999|Nữ|Số 1 Bến Nghé, Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh|10102021']],
    ['pos-single-packet-code128.hex', ['HS-2024-000123']],
    ['pos-truncated.hex', ['error:bad-report', 'HS-2024-000123', 'error:incomplete']],
  ])('replays %s through the decoders', async (name, expected) => {
    expect(texts(await replay(new ReplayTransport({ speed: Infinity }), fixture(name)))).toEqual(expected);
  });

  it('replays garbage without a scan', async () => {
    const events = await replay(new ReplayTransport({ speed: Infinity }), fixture('garbage.hex'));
    expect(events.filter((e) => e.kind === 'scan')).toEqual([]);
  });

  it('lists plugged devices and refuses to open an unknown path', async () => {
    const transport = new ReplayTransport();
    transport.plug(fixture('pos-single-packet-code128.hex'));
    expect(await transport.list()).toMatchObject([{ path: 'replay:pos-single-packet-code128.hex', vendorId: 0x0c2e }]);
    await expect(transport.open('replay:nothing')).rejects.toThrow('no replay device at replay:nothing');
  });

  it('keeps recorded timing at speed 1, and stamps recorded times at any speed', async () => {
    vi.useFakeTimers();
    const device = fixture('pos-truncated.hex'); // packets at 0, 2, 1502, 3002
    for (const speed of [1, 2]) {
      const transport = new ReplayTransport({ speed, clock: () => 100 });
      transport.plug(device);
      const connection = await transport.open(device.info.path);
      const stamps: number[] = [];
      connection.onReport((_, at) => stamps.push(at));
      await vi.advanceTimersByTimeAsync(1499 / speed);
      expect(stamps).toEqual([100, 102]);
      await vi.advanceTimersByTimeAsync(3001 / speed);
      expect(stamps).toEqual([100, 102, 1602, 3102]);
      await connection.finished;
    }
  });

  it('waits for a report listener before replaying, and replays from the start on each open', async () => {
    const transport = new ReplayTransport({ speed: Infinity });
    const device = fixture('pos-single-packet-code128.hex');
    const first = await replay(transport, device);
    expect(texts(await replay(transport, device))).toEqual(texts(first));
  });

  it('unplug closes open connections as lost and removes the device', async () => {
    vi.useFakeTimers();
    const transport = new ReplayTransport({ speed: 1 });
    const device = fixture('pos-truncated.hex');
    transport.plug(device);
    const connection = await transport.open(device.info.path);
    const reports: Uint8Array[] = [];
    const closed: (Error | undefined)[] = [];
    connection.onReport((report) => reports.push(report));
    connection.onClose((reason) => closed.push(reason));
    await vi.advanceTimersByTimeAsync(10);
    transport.unplug(device.info.path);
    await connection.finished;
    await vi.advanceTimersByTimeAsync(5000);
    expect(reports).toHaveLength(2);
    expect(closed.map((reason) => reason?.message)).toEqual(['device-lost: replay:pos-truncated.hex unplugged']);
    expect(await transport.list()).toEqual([]);
    await expect(transport.open(device.info.path)).rejects.toThrow();
  });

  it('a listener that throws ends the connection with its error', async () => {
    const transport = new ReplayTransport({ speed: Infinity });
    const device = fixture('keyboard-rollover-repeat.hex');
    transport.plug(device);
    const connection = await transport.open(device.info.path);
    const closed: (Error | undefined)[] = [];
    let calls = 0;
    connection.onClose((reason) => closed.push(reason));
    connection.onReport(() => {
      calls++;
      throw new Error('listener bug');
    });
    await connection.finished;
    expect(calls).toBe(1);
    expect(closed.map((reason) => reason?.message)).toEqual(['listener bug']);
  });

  it('close() ends the replay and reports no reason', async () => {
    const transport = new ReplayTransport({ speed: 1 });
    const device = fixture('pos-truncated.hex');
    transport.plug(device);
    const connection = await transport.open(device.info.path);
    const closed: (Error | undefined)[] = [];
    connection.onClose((reason) => closed.push(reason));
    await connection.close();
    await connection.finished;
    expect(closed).toEqual([undefined]);
  });

  it('refuses a speed that is not above 0', () => {
    expect(() => new ReplayTransport({ speed: 0 })).toThrow(RangeError);
  });
});

describe('node-hid on this machine', () => {
  it('loads and lists no devices (no hidraw here) without throwing', async () => {
    const loaded = await loadNodeHidTransport();
    if (loaded.backend !== 'ok') throw new Error(`node-hid unavailable: ${loaded.error}`);
    expect(await loaded.transport.list()).toEqual([]);
  });

  it('probeHidBackend still reports the backend for the doctor', async () => {
    expect(await probeHidBackend()).toEqual({ backend: 'ok', devices: 0 });
  });

  it('opening a path that does not exist rejects, it does not crash', async () => {
    const loaded = await loadNodeHidTransport();
    if (loaded.backend !== 'ok') throw new Error(loaded.error);
    await expect(loaded.transport.open('/dev/hidraw-none')).rejects.toThrow();
  });
});
