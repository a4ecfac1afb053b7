import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

// The real `motcua decode` in its own process: its flags, JSON and exit codes are a contract.
function motcua(...args: string[]): { json: Record<string, unknown>; status: number | null } {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli/motcua.ts', 'decode', ...args, '--json'], { encoding: 'utf8' });
  return { json: JSON.parse(run.stdout) as Record<string, unknown>, status: run.status };
}

const ICAO_TD1 = ['I<UTOD231458907<<<<<<<<<<<<<<<', '7408122F1204159UTO<<<<<<<<<<<6', 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<'].join('\n');
const QR = '079199012345|025123456|Nguyễn Thị Hoa|01051999|Nữ|Số 1, Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh|10102021';

describe('motcua decode', { timeout: 15_000 }, () => {
  it('--qr reads a CCCD QR with its diacritics', () => {
    const { json, status } = motcua('--qr', QR);
    expect(status).toBe(0);
    expect(json).toEqual({
      ok: true,
      kind: 'cccd-qr',
      identity: {
        personalNumber: '079199012345',
        oldIdNumber: '025123456',
        fullName: 'Nguyễn Thị Hoa',
        birthDate: '1999-05-01',
        sex: 'female',
        address: 'Số 1, Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh',
        issueDate: '2021-10-10',
      },
      warnings: [],
    });
  });

  it('--qr with a sex that disagrees with the personal number warns in both languages', () => {
    const { json, status } = motcua('--qr', QR.replace('Nữ', 'Nam'));
    expect(status).toBe(0);
    expect(json.warnings).toEqual([expect.objectContaining({ code: 'sex-mismatch', message: expect.stringMatching(/Giới tính.* \/ The sex/) })]);
  });

  it('--mrz reads the ICAO Doc 9303 TD1 example with every check', () => {
    const { json, status } = motcua('--mrz', ICAO_TD1);
    expect(status).toBe(0);
    expect(json).toMatchObject({
      ok: true,
      kind: 'mrz',
      mrz: {
        format: 'TD1',
        documentCode: 'I',
        issuingState: 'UTO',
        documentNumber: 'D23145890',
        birthDate: '1974-08-12',
        expiryDate: '2012-04-15',
        sex: 'female',
        surname: 'ERIKSSON',
        givenNames: 'ANNA MARIA',
        checks: { documentNumber: true, birthDate: true, expiryDate: true, composite: true },
      },
    });
    expect(json).not.toHaveProperty('identity');
  });

  it('a wrong check digit is ok:false, exit 1, with the checks still shown', () => {
    const { json, status } = motcua('--mrz', ICAO_TD1.replace('7408122F', '7408123F'));
    expect(status).toBe(1);
    expect(json).toMatchObject({ ok: false, error: { code: 'MRZ_CHECK_DIGIT' }, mrz: { checks: { birthDate: false } } });
    expect((json.error as { message: string }).message).toMatch(/số kiểm tra.* \/ .*check digit/i);
  });

  it('--reports in keyboard mode decodes a recorded stream and says the text is ASCII only', () => {
    const { json, status } = motcua('--reports', 'test/fixtures/hid/keyboard-us-cccd-qr.hex', '--mode', 'keyboard', '--layout', 'us');
    expect(status).toBe(0);
    expect(json).toMatchObject({ ok: true, scans: [{ ok: true, kind: 'cccd-qr', asciiOnly: true, identity: { personalNumber: '001099012345', fullName: 'NGUYEN VAN AN' } }] });
  });

  it('--reports in pos mode reassembles packets and keeps Vietnamese names', () => {
    const { json } = motcua('--reports', 'test/fixtures/hid/pos-qr-vietnamese-name.hex', '--mode', 'pos');
    expect(json).toMatchObject({ ok: true, scans: [{ ok: true, kind: 'cccd-qr', identity: { fullName: 'Nguyễn Văn An' } }] });
    expect(json.scans).toHaveLength(1);
  });

  it('bad input is {ok:false,error:{code,message}} with exit 1', { timeout: 30_000 }, () => {
    for (const args of [['--qr', ''], ['--reports', 'no/such/file.hex', '--mode', 'pos'], ['--reports', 'test/fixtures/hid/garbage.hex', '--mode', 'tape']]) {
      const { json, status } = motcua(...args);
      expect(status, args.join(' ')).toBe(1);
      expect(json).toEqual({ ok: false, error: { code: expect.any(String), message: expect.any(String) } });
    }
  });
});
