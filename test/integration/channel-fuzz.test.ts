import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CHANNEL_NAMES, channels, type ChannelName } from '../../electron/contract';
import { createHost, type Host } from '../../electron/host/create-host';
import { newSession } from '../../electron/host/session';
import { makeTempDir } from '../support/temp-dir';

// Issue 9: every channel of the contract, called through the router by a role that may use it, with
// generated inputs: anything at all, and objects with the channel's own field names holding
// anything. Whatever comes in, the answer is a typed result (never a throw), a refusal says why
// in Vietnamese and English, and an input refused as malformed changes nothing in the database.
const RUNS = Number(process.env.MOTCUA_FUZZ_RUNS ?? 2000);

let tmp: ReturnType<typeof makeTempDir>;
let host: Host;

beforeAll(() => {
  tmp = makeTempDir('motcua-fuzz-');
  host = createHost({ appRoot: process.cwd(), dbPath: join(tmp.dir, 'm.db'), demo: true, sync: false, devices: false, transport: 'browser', version: 't', today: () => '2026-11-23' });
});
afterAll(async () => {
  await host.close();
  tmp.cleanup();
});

/** The field names of a channel's input, when it is an object (unions have none to offer). */
function fieldNames(name: ChannelName): string[] {
  const input: unknown = channels[name].input;
  return input instanceof z.ZodObject ? Object.keys(input.shape as Record<string, unknown>) : [];
}

const value = fc.oneof(fc.anything(), fc.string({ maxLength: 300 }), fc.integer(), fc.constantFrom('', '0', '001099012345', '80mm', 'kiosk', 'officer'));

function inputs(name: ChannelName): fc.Arbitrary<unknown> {
  const names = fieldNames(name);
  if (names.length === 0) {
    // A channel without input takes only {}: the generated inputs are the ones it must refuse
    // (its one accepted call, a whole doctor run for one, is tested with its handler).
    return fc.oneof(fc.anything(), fc.dictionary(fc.string({ maxLength: 12 }), value, { minKeys: 1, maxKeys: 3 })).filter((i) => !channels[name].input.safeParse(i ?? {}).success);
  }
  const shaped = fc.dictionary(fc.oneof(fc.constantFrom(...names), fc.string({ maxLength: 12 })), value, { maxKeys: names.length + 2 });
  return fc.oneof(fc.anything(), shaped, fc.constant(undefined), fc.constant(null));
}

const totalChanges = (h: Host) => (h.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;

describe(`every contract channel, ${RUNS} generated inputs each`, { timeout: 120_000 }, () => {
  it.each([...CHANNEL_NAMES])('%s', async (name) => {
    const role = channels[name].roles[0]!;
    await fc.assert(
      fc.asyncProperty(inputs(name), async (input) => {
        const before = totalChanges(host);
        const result = await host.router.dispatch(newSession(role), name, input);
        expect(typeof result.ok).toBe('boolean');
        if (result.ok) return;
        // INTERNAL is what the router answers when a handler throws or breaks its output schema.
        expect(result.error.code).not.toBe('INTERNAL');
        expect(result.error.code).toMatch(/^[A-Z_]+$/);
        expect(result.error.message.vi.length).toBeGreaterThan(0);
        expect(result.error.message.en.length).toBeGreaterThan(0);
        if (result.error.code === 'BAD_INPUT') expect(totalChanges(host)).toBe(before);
      }),
      { numRuns: RUNS },
    );
  });
});
