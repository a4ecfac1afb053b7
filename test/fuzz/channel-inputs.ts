import assert from 'node:assert/strict';
import fc from 'fast-check';
import { z } from 'zod';
import { channels, type ChannelName } from '../../electron/contract';
import type { Host } from '../../electron/host/create-host';
import { newSession } from '../../electron/host/session';
import type { FuzzHost } from './fuzz-host';
import { assertLocalizedError, fuzzTarget, type AnyFuzzTarget } from './fuzz-target';

// Every channel of the contract, called through the router by a role that may use it, with
// generated inputs: anything at all, and objects with the channel's own field names holding
// anything. Whatever comes in, the answer is a typed result (never a throw), a refusal says why
// in Vietnamese and English, and an input refused as malformed changes nothing in the database.
// Shared by test/integration/channel-fuzz.test.ts and the bench.

/** The field names of a channel's input, when it is an object (unions have none to offer). */
function fieldNames(name: ChannelName): string[] {
  const input: unknown = channels[name].input;
  return input instanceof z.ZodObject ? Object.keys(input.shape as Record<string, unknown>) : [];
}

const value = fc.oneof(fc.anything(), fc.string({ maxLength: 300 }), fc.integer(), fc.constantFrom('', '0', '001099012345', '80mm', 'kiosk', 'officer'));

export function channelInputs(name: ChannelName): fc.Arbitrary<unknown> {
  const names = fieldNames(name);
  if (names.length === 0) {
    // A channel without input takes only {}: the generated inputs are the ones it must refuse
    // (its one accepted call, a whole doctor run for one, is tested with its handler).
    return fc.oneof(fc.anything(), fc.dictionary(fc.string({ maxLength: 12 }), value, { minKeys: 1, maxKeys: 3 })).filter((i) => !channels[name].input.safeParse(i ?? {}).success);
  }
  const shaped = fc.dictionary(fc.oneof(fc.constantFrom(...names), fc.string({ maxLength: 12 })), value, { maxKeys: names.length + 2 });
  return fc.oneof(fc.anything(), shaped, fc.constant(undefined), fc.constant(null));
}

export const totalChanges = (host: Host): number => (host.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;

/** One call of `name` with `input`; throws (node:assert) when the answer breaks the invariant. */
export async function checkChannelCall(host: Host, name: ChannelName, input: unknown): Promise<void> {
  const before = totalChanges(host);
  const result = await host.router.dispatch(newSession(channels[name].roles[0]!), name, input);
  assert.equal(typeof result.ok, 'boolean');
  if (result.ok) return;
  // INTERNAL is what the router answers when a handler throws or breaks its output schema.
  assertLocalizedError(result.error);
  if (result.error.code === 'BAD_INPUT') assert.equal(totalChanges(host), before, 'a refused input changed the database');
}

/** A channel as a fuzz target: the bench runs it beside the parsers. */
export const channelTarget = (fuzzHost: () => FuzzHost, name: ChannelName): AnyFuzzTarget =>
  fuzzTarget({ name: `channel ${name}`, covers: [], inputs: () => channelInputs(name), check: (input) => checkChannelCall(fuzzHost().host, name, input) });
