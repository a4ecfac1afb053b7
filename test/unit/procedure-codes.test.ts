import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The rule packs, the form templates and the comparison catalogue all name procedures; the
// centre's procedure list (seeded from resources/demo, synced from the centre) must know each.
const json = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
const files = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => join(dir, f));
const known = new Set((json('resources/demo/procedures.json') as unknown as { code: string }[]).map((p) => p.code));

function codesIn(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => codesIn(v, found));
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key === 'procedureCode' && typeof v === 'string') found.push(v);
      else if (key === 'procedureCodes' && Array.isArray(v)) found.push(...v.filter((c): c is string => typeof c === 'string'));
      else codesIn(v, found);
    }
  }
  return found;
}

describe('procedure codes', () => {
  it.each([['rule packs', 'resources/rules'], ['demo rule packs', 'resources/demo/rules'], ['form templates', 'resources/forms'], ['comparison catalogue', 'resources/catalogue']])('every code in the %s is in the procedure list', (_what, dir) => {
    const codes = files(dir).flatMap((f) => codesIn(json(f)));
    expect(codes.length).toBeGreaterThan(0);
    expect(codes.filter((c) => !known.has(c))).toEqual([]);
  });

  it('every form template is reachable from a reminder or an outcome', () => {
    const elsewhere = new Set([...files('resources/rules'), ...files('resources/demo/rules'), ...files('resources/catalogue')].flatMap((f) => codesIn(json(f))));
    const unreachable = files('resources/forms').map((f) => json(f)).filter((t) => !elsewhere.has(t.procedureCode as string));
    expect(unreachable.map((t) => t.id)).toEqual([]);
  });
});
