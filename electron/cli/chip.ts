import { existsSync, statSync } from 'node:fs';
import { parseMrz } from '../../drivers/idcard/mrz';
import { CHIP_ERROR_MESSAGES, ChipError } from '../../drivers/smartcard/chip-error';
import type { ChipAccessKey } from '../../drivers/smartcard/chip-reading';
import { listReaders } from '../../drivers/smartcard/pcsc-reader';
import { readOnReader } from '../../drivers/smartcard/read-on-reader';
import { loadCscaCertificates } from '../../drivers/smartcard/trust-list';
import { todayInVietnam } from '../base/calendar-date';
import type { Flags } from './flags';

export const CHIP_USAGE = `motcua chip — the ID card's chip (ICAO 9303 eMRTD) over PC/SC

  motcua chip readers --json                          the PC/SC readers attached now
  motcua chip read --reader NAME (--mrz TEXT | --number DOCNUMBER --birth YYYY-MM-DD --expiry YYYY-MM-DD)
                   [--trust DIR] [--today YYYY-MM-DD] --json
      opens the chip with the MRZ key (PACE where EF.CardAccess offers P-256/AES, else BAC; secure messaging), reads EF.SOD, then DG14 and
      runs Chip Authentication (new session keys), then DG1, DG13 and DG15 as the SOD lists them; checks passive authentication against the
      CSCA certificates in DIR (PEM or DER) and active authentication. chipAuth is valid when Chip or Active Authentication passed, invalid
      when either failed, absent when the chip offers neither; "authentications" says which ran ({"chip":…,"active":…}).
      TEXT is the MRZ's lines separated by newlines; DOCNUMBER the MRZ document number or the 12-digit number.
  → {"ok":true,"document":{…},"dataGroups":[…],"passiveAuth":"valid|invalid|untrusted|expired","chipAuth":"valid|invalid|absent",…}
  → {"ok":false,"error":{"code":"NO_READER|NO_CARD|ACCESS_DENIED|CARD_REMOVED|BAD_ANSWER|BAD_INPUT","message":"vi / en"}}  (exit 1)
`;

type ChipJson = Record<string, unknown> & { ok: boolean };

const usage = (vi: string, en: string): ChipJson => ({ ok: false, error: { code: 'BAD_INPUT', message: `${vi} / ${en}` } });

function failure(error: unknown): ChipJson {
  const code = error instanceof ChipError ? error.code : 'BAD_ANSWER';
  const text = CHIP_ERROR_MESSAGES[code];
  return { ok: false, error: { code, message: `${text.vi} / ${text.en}` } };
}

const ISO_DATE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;

/** The access key from --mrz, or from --number, --birth and --expiry; a string when the flags are wrong. */
function accessKey(flags: Flags, today: string): ChipAccessKey | ChipJson {
  if (flags.mrz !== undefined) {
    const outcome = parseMrz(flags.mrz, today);
    if (!outcome.ok) return usage(`Vùng đọc máy (MRZ) không đọc được (${outcome.problem}).`, `The MRZ could not be read (${outcome.problem}).`);
    const { documentNumber, birthDate, expiryDate } = outcome.mrz;
    return { documentNumber, birthDate, expiryDate };
  }
  const { number, birth, expiry } = flags;
  if (number === undefined || !/^[A-Z0-9<]{1,20}$/i.test(number) || !birth || !ISO_DATE.test(birth) || !expiry || !ISO_DATE.test(expiry)) {
    return usage('Cần --mrz TEXT, hoặc --number, --birth YYYY-MM-DD và --expiry YYYY-MM-DD.', 'Give --mrz TEXT, or --number, --birth YYYY-MM-DD and --expiry YYYY-MM-DD.');
  }
  return { documentNumber: number, birthDate: birth, expiryDate: expiry };
}

async function read(flags: Flags): Promise<ChipJson> {
  if (flags.reader === undefined) return usage('Cần --reader NAME (xem motcua chip readers).', 'Give --reader NAME (see motcua chip readers).');
  if (flags.today !== undefined && !ISO_DATE.test(flags.today)) return usage('--today phải có dạng YYYY-MM-DD.', '--today must be YYYY-MM-DD.');
  // --today fixes the clock for certificate validity too (noon in Vietnam), so checks can be replayed.
  const now = flags.today === undefined ? new Date() : new Date(`${flags.today}T12:00:00+07:00`);
  const today = flags.today ?? todayInVietnam(now);
  const key = accessKey(flags, today);
  if ('ok' in key) return key;
  if (flags.trust !== undefined && !(existsSync(flags.trust) && statSync(flags.trust).isDirectory())) {
    return usage(`Không có thư mục chứng thư CSCA ${flags.trust}.`, `No CSCA certificate folder ${flags.trust}.`);
  }
  const cscas = flags.trust === undefined ? [] : loadCscaCertificates(flags.trust);
  try {
    const { reading, apdus } = await readOnReader(flags.reader, key, { cscas, now, today });
    const { document, dataGroups, dataGroupHashes, passiveAuth, chipAuth, authentications, accessControl } = reading;
    return { ok: true, document, dataGroups, passiveAuth, chipAuth, authentications, accessControl, dataGroupHashes, apdus };
  } catch (error) {
    return failure(error);
  }
}

async function readers(): Promise<ChipJson> {
  try {
    return { ok: true, readers: await listReaders() };
  } catch (error) {
    return failure(error);
  }
}

export async function chipCommand(flags: Flags, subcommand: string | undefined): Promise<void> {
  if (flags.help || subcommand === undefined) return void process.stdout.write(CHIP_USAGE);
  const result = subcommand === 'read' ? await read(flags) : subcommand === 'readers' ? await readers() : usage(`Không có lệnh chip ${subcommand}.`, `No chip command ${subcommand}.`);
  console.log(flags.json ? JSON.stringify(result) : JSON.stringify(result, null, 2));
  if (!result.ok) process.exitCode = 1;
}
