import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../electron/contract';
import { lastLogLines, openHostLog, redactText } from '../../electron/host/host-log';
import { makeTempDir } from '../support/temp-dir';

/** The host's log file as a technician reads it, and what it must never hold. */
const NAME = 'Nguyễn Thị Minh Khai';
const NUMBER = '001190012345';
const tmp = makeTempDir('motcua-log-');
afterAll(() => tmp.cleanup());

describe('host log', () => {
  it('writes JSON lines owner-only in the logs folder; errors by channel and code; no name or number, whatever an error said', async () => {
    const dir = join(tmp.dir, 'logs');
    const log = await openHostLog(dir, false);
    log.log('retention: consents=3 drafts=0');
    log.logError('counter.submit', new Error(`central refused the dossier of ${NAME} (${NUMBER}), write to khai@example.vn`));
    log.logError('citizen.open', new AppError('CENTRAL_UNREACHABLE'));
    log.logError('sync', `422 for ${NUMBER}`);
    log.close();
    await vi.waitFor(() => expect(lastLogLines(dir)).toHaveLength(4));

    const files = readdirSync(dir);
    const text = files.filter((f) => f.endsWith('.log')).map((f) => readFileSync(join(dir, f), 'utf8')).join('');
    for (const secret of [NAME, NAME.normalize('NFD'), 'Khai', NUMBER, 'khai@example.vn']) expect(text).not.toContain(secret);
    const lines = lastLogLines(dir).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines[0]).toMatchObject({ level: 30, msg: 'retention: consents=3 drafts=0' });
    expect(lines[1]).toMatchObject({ level: 50, channel: 'counter.submit', name: 'Error', message: expect.stringContaining('[number]') });
    expect(lines[1]!.stack).toEqual(expect.arrayContaining([expect.stringMatching(/^\s+at /)]));
    expect(lines[2]).toMatchObject({ channel: 'citizen.open', code: 'CENTRAL_UNREACHABLE' });
    expect(lines[3]).toMatchObject({ channel: 'sync', message: '422 for [number]' });
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    for (const f of files.filter((f) => f.endsWith('.log'))) expect(statSync(join(dir, f)).mode & 0o777).toBe(0o600);
  });

  it('masks digit runs, e-mail addresses, words with Vietnamese letters and capitalised words; keeps lowercase English, codes and counts', () => {
    expect(redactText('Nguyen Van An at Ha Noi: SQLITE_BUSY, 2 retries')).toBe('[word] [word] [word] at [word] [word]: SQLITE_BUSY, 2 retries');
    expect(redactText(`lookup of ${NUMBER} by Trần Văn Đức failed: HTTP 503 after 3 tries`)).toBe('lookup of [number] by [word] [word] [word] failed: HTTP 503 after 3 tries');
    expect(redactText('old ID 012345678, phone 0912345678')).toBe('old ID [number], phone [number]');
  });
});
