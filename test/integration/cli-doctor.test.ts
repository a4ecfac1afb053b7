import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { doctorReport } from '../../electron/contract';
import { runMotcua, type CliRun } from '../support/run-cli';
import { makeTempDir } from '../support/temp-dir';

// A fresh machine: no central system configured, so the doctor must name that problem and fail.
let tmp: ReturnType<typeof makeTempDir>;
let json: CliRun;
let text: CliRun;

beforeAll(async () => {
  tmp = makeTempDir('motcua-cli-doctor-');
  // Two databases: both runs create and migrate theirs at the same time.
  [json, text] = await Promise.all([
    runMotcua('doctor', '--json', '--db', join(tmp.dir, 'a.db')),
    runMotcua('doctor', '--db', join(tmp.dir, 'b.db'), '--bundle', join(tmp.dir, 'bundle.json')),
  ]);
}, 60_000);
afterAll(() => tmp.cleanup());

describe('motcua doctor', () => {
  it('exits 1 with one line per problem on stderr, the same lines as the report', () => {
    expect(json.status).toBe(1);
    const report = doctorReport.parse(JSON.parse(json.stdout));
    expect(report.problems).toContain('central: chưa cấu hình máy chủ trung tâm / central system not configured');
    expect(json.stderr.trim().split('\n')).toEqual(report.problems);
    expect(report.printers.chosen).toEqual({ 'dossier-a4': null, 'slip-80mm': null });
  });

  it('--bundle writes an owner-only diagnostics bundle beside the text report', () => {
    expect(text.status).toBe(1);
    expect(text.stdout).toMatch(/^database /m);
    const file = join(tmp.dir, 'bundle.json');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ kind: 'motcua-diagnostics', versions: { schema: expect.any(Number) } });
    expect(statSync(file).mode & 0o077).toBe(0);
  });
});
