import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { CHANNEL_NAMES } from '../../electron/contract';
import { createHost, type Host } from '../../electron/host/create-host';
import { channelInputs, checkChannelCall } from '../fuzz/channel-inputs';
import { makeTempDir } from '../support/temp-dir';
import { isoDate } from '../../electron/base/calendar-date';

// Every contract channel with generated inputs (test/fuzz/channel-inputs.ts says what
// holds); `npm run bench` runs the same at 100,000 each.
const RUNS = Number(process.env.MOTCUA_FUZZ_RUNS ?? 2000);

let tmp: ReturnType<typeof makeTempDir>;
let host: Host;

beforeAll(() => {
  tmp = makeTempDir('motcua-fuzz-');
  host = createHost({ appRoot: process.cwd(), dbPath: join(tmp.dir, 'm.db'), demo: true, sync: false, devices: false, transport: 'browser', version: 't', today: () => isoDate('2026-11-23') });
});
afterAll(async () => {
  await host.close();
  tmp.cleanup();
});

describe(`every contract channel, ${RUNS} generated inputs each`, { timeout: 120_000 }, () => {
  it.each([...CHANNEL_NAMES])('%s', async (name) => {
    await fc.assert(fc.asyncProperty(channelInputs(name), (input) => checkChannelCall(host, name, input)), { numRuns: RUNS });
  });
});
