import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeFuzzHost, type FuzzHost } from '../fuzz/fuzz-host';
import { once } from '../fuzz/fuzz-target';
import { runTarget } from '../fuzz/run-target';
import { fuzzTargets, NOT_INPUT_READERS, NOT_UNTRUSTED_PARSERS } from '../fuzz/targets';

// Every parser and decoder of untrusted input with generated hostile inputs (2,000 each
// here, 100,000 in `npm run bench`): no uncaught error, no hang, typed refusals with vi+en text.
const RUNS = Number(process.env.MOTCUA_FUZZ_RUNS ?? 2000);

let made: FuzzHost | undefined;
const fuzzHost = once(() => (made = makeFuzzHost()));
const targets = fuzzTargets(fuzzHost);
afterAll(async () => made?.close());

describe(`every parser and decoder, ${RUNS} generated inputs each`, { timeout: 120_000 }, () => {
  it.each(targets.map((t) => [t.name, t] as const))('%s', async (_name, target) => {
    const run = await runTarget(target, RUNS);
    expect(run.failure).toBeNull();
    expect(run.runs).toBe(RUNS);
  });
});

const FUNCTION = /^export (?:async )?(?:function\*? |class |const (?=\w+ = (?:async )?\())(\w+)/gm;
const ANY = /^export (?:async )?(?:function\*?|class|const|let) (\w+)/gm;

/** Names of every .ts file's exports under `dir` matching `pattern`. */
function exportsOf(dir: string, pattern = FUNCTION): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .flatMap((f) => [...readFileSync(join(dir, f), 'utf8').matchAll(pattern)].map((m) => m[1]!));
}

describe('the fuzz registry', () => {
  const covered = new Set(targets.flatMap((t) => t.covers));

  it('has a target for every exported function and class of drivers/ that reads input', () => {
    const missing = exportsOf(join(process.cwd(), 'drivers')).filter((name) => !covered.has(name) && !(name in NOT_INPUT_READERS));
    expect(missing).toEqual([]);
  });

  it("has a target for every parse…/decode… function of electron/", () => {
    const missing = exportsOf(join(process.cwd(), 'electron')).filter((name) => /^(parse|decode)/.test(name) && !covered.has(name) && !(name in NOT_UNTRUSTED_PARSERS));
    expect(missing).toEqual([]);
  });

  it('names only exports that exist', () => {
    const all = new Set([...exportsOf(join(process.cwd(), 'drivers'), ANY), ...exportsOf(join(process.cwd(), 'electron'), ANY)]);
    expect([...covered, ...Object.keys(NOT_INPUT_READERS), ...Object.keys(NOT_UNTRUSTED_PARSERS)].filter((name) => !all.has(name))).toEqual([]);
  });
});
