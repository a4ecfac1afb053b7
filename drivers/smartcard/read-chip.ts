import { createHash, randomBytes, type X509Certificate } from 'node:crypto';
import { activeAuthenticationHolds } from './active-auth';
import type { Command } from './apdu';
import { ApduSession, SessionKeysDiffer } from './apdu-session';
import { EF_CARD_ACCESS_SFI, paceInfos, supportedPace } from './card-access';
import { basicAccessControl } from './bac';
import { chipAuthentication as caProtocol } from './chip-auth';
import { atrOffersExtendedLength, type CardChannel } from './card-channel';
import type { ChipAccessKey, ChipAuthResult, ChipDocument, ChipReading } from './chip-reading';
import { ChipError } from './chip-error';
import { DerError } from './der';
import { parseDg1 } from './dg1';
import { parseDg13, type VietnamPersonalData } from './dg13-vietnam';
import { faceImageOf, type FaceImage } from './dg2-face';
import { chipAuthenticationOffer } from './dg14';
import { EF_SOD_SFI } from './lds-tags';
import { dataGroupsMatch, passiveAuthentication } from './passive-auth';
import { paceAccess } from './pace';
import { parseSod, type SecurityObject } from './sod';

/** The eMRTD application (Doc 9303 Part 10 §3.1). */
export const EMRTD_AID = Buffer.from('A0000002471001', 'hex');
/** The data groups read at the kiosk: never DG2 (the face) here. */
const WANTED = [1, 13, 14, 15];

export interface ReadOptions {
  /** The CSCA certificates the technician installed. */
  cscas: readonly X509Certificate[];
  now: Date;
  /** Today in Vietnam, YYYY-MM-DD: resolves DG1's two-digit years and tells an expired card. */
  today: string;
  random?: (size: number) => Buffer;
}

/** How each proof against a copied chip came out: Chip Authentication (DG14) and Active Authentication (DG15). */
export interface ChipAuthentications {
  chip: ChipAuthResult | 'unsupported';
  active: ChipAuthResult;
}

export interface ChipReadResult {
  reading: ChipReading & { personalData: VietnamPersonalData; accessControl: 'PACE' | 'BAC'; authentications: ChipAuthentications };
  apdus: number;
}

async function activeAuthentication(session: ApduSession, dg15: Buffer | undefined, random: (size: number) => Buffer): Promise<ChipAuthResult> {
  if (dg15 === undefined) return 'absent';
  const challenge = random(8);
  const answer = await session.send({ cla: 0, ins: 0x88, p1: 0, p2: 0, data: challenge, ne: 256 });
  return answer.sw === 0x9000 && activeAuthenticationHolds(dg15, challenge, answer.data) ? 'valid' : 'invalid';
}

function documentOf(dg1: Buffer, dg13: Buffer, today: string): { document: ChipDocument; personalData: VietnamPersonalData } {
  const mrz = parseDg1(dg1, today);
  const personalData = parseDg13(dg13);
  return {
    document: {
      documentNumber: mrz.documentNumber,
      personalNumber: personalData.personalNumber,
      fullName: personalData.fullName,
      birthDate: personalData.birthDate || mrz.birthDate,
      sex: personalData.sex === 'X' ? mrz.sex : personalData.sex,
      expiryDate: mrz.expiryDate,
    },
    personalData,
  };
}

/** The PACE EF.CardAccess offers and this reader speaks, if any (a chip without the file answers with an error). */
async function offeredPace(session: ApduSession): Promise<boolean> {
  try {
    const bytes = await session.readFile(EF_CARD_ACCESS_SFI);
    return bytes !== undefined && supportedPace(paceInfos(bytes)) !== undefined;
  } catch (error) {
    if (error instanceof ChipError && error.code !== 'BAD_ANSWER') throw error;
    return false;
  }
}

async function selectApplication(session: ApduSession): Promise<void> {
  const selected = await session.send({ cla: 0, ins: 0xa4, p1: 0x04, p2: 0x0c, data: EMRTD_AID });
  if (selected.sw !== 0x9000) throw new ChipError('BAD_ANSWER', `no eMRTD application (${selected.sw.toString(16)})`);
}

/** PACE where EF.CardAccess offers it (Doc 9303 Part 11 §4.2: PACE first), else BAC; secure messaging from then on. */
async function openChip(session: ApduSession, key: ChipAccessKey, random: (size: number) => Buffer): Promise<'PACE' | 'BAC'> {
  const exchange = (command: Command) => session.send(command);
  if (await offeredPace(session)) {
    const pace = await paceAccess(exchange, key, random);
    if (pace.ok) {
      session.sm = pace.sm;
      await selectApplication(session);
      return 'PACE';
    }
    if (pace.reason !== 'not-offered') throw new ChipError(pace.reason === 'refused' ? 'ACCESS_DENIED' : 'BAD_ANSWER', `PACE ${pace.reason}`);
  }
  await selectApplication(session);
  const bac = await basicAccessControl(exchange, key, random);
  if (!bac.ok) throw new ChipError(bac.reason === 'refused' ? 'ACCESS_DENIED' : 'BAD_ANSWER', `BAC ${bac.reason}`);
  session.sm = bac.sm;
  return 'BAC';
}

/** DG14's Chip Authentication, once DG14 is known to be the one the SOD signs (§6.2: PA of DG14 first). */
async function chipAuthentication(session: ApduSession, sod: SecurityObject, dg14: Buffer, random: (size: number) => Buffer): Promise<ChipAuthentications['chip']> {
  if (!dataGroupsMatch(sod, new Map([[14, dg14]]))) return 'invalid';
  let offer;
  try {
    offer = chipAuthenticationOffer(dg14);
  } catch {
    // Signed, but a key this reader cannot use (an unknown named curve): no proof either way.
    return 'unsupported';
  }
  if (offer === undefined) return 'absent';
  const restarted = await caProtocol((command) => session.send(command), offer, random);
  if (restarted === undefined) return 'invalid';
  session.sm = restarted;
  return 'valid';
}

/**
 * Chip Authentication and the first group read under its keys, which is what proves it: CA v1 is
 * implicit, and a chip without the private key cannot answer under the new keys. A chip that fails is
 * opened again (it has dropped secure messaging) and tried once more, so one garbled answer does not
 * brand a genuine card a copy; after a second failure it is read as it is, marked `invalid`.
 */
async function provenChipAuthentication(
  session: ApduSession, sod: SecurityObject, dg14: Buffer, readFirst: () => Promise<void>, reopen: () => Promise<void>, random: (size: number) => Buffer,
): Promise<ChipAuthentications['chip']> {
  for (let attempt = 1; ; attempt++) {
    const result = await chipAuthentication(session, sod, dg14, random);
    if (result === 'absent' || result === 'unsupported') return result;
    try {
      await readFirst();
      return result;
    } catch (error) {
      if (!(error instanceof SessionKeysDiffer)) throw error;
      await reopen();
      if (attempt === 2) return 'invalid';
    }
  }
}

/** Both proofs against a copied chip count: any failure is `invalid`, else any success `valid`. */
const combined = ({ chip, active }: ChipAuthentications): ChipAuthResult =>
  chip === 'invalid' || active === 'invalid' ? 'invalid' : chip === 'valid' || active === 'valid' ? 'valid' : 'absent';

async function readAll(session: ApduSession, key: ChipAccessKey, options: ReadOptions): Promise<ChipReadResult['reading']> {
  const random = options.random ?? randomBytes;
  let accessControl = await openChip(session, key, random);
  // The SOD is the signed list of what the chip holds: EF.COM (unsigned) would add an APDU and no
  // trust, and a data group the SOD lists but the chip will not give is an error, not an absence.
  const sodBytes = await session.readFile(EF_SOD_SFI);
  if (sodBytes === undefined) throw new ChipError('BAD_ANSWER', 'no EF.SOD');
  const sod = parseSod(sodBytes);
  const dataGroups = new Map<number, Buffer>();
  const readGroup = async (number: number) => {
    const bytes = await session.readFile(number);
    if (bytes === undefined) throw new ChipError('BAD_ANSWER', `the SOD lists DG${number} but the chip has none`);
    dataGroups.set(number, bytes);
  };
  const listed = WANTED.filter((n) => sod.dataGroupHashes.has(n));
  // Doc 9303 Part 11 §7.2: DG14 and Chip Authentication first, so the other groups come under its keys.
  const rest = listed.filter((n) => n !== 14);
  let chip: ChipAuthentications['chip'] = 'absent';
  if (listed.includes(14) && rest.length > 0) {
    await readGroup(14);
    const reopen = async () => {
      session.sm = undefined;
      accessControl = await openChip(session, key, random);
    };
    chip = await provenChipAuthentication(session, sod, dataGroups.get(14)!, () => readGroup(rest[0]!), reopen, random);
  }
  for (const number of rest.filter((n) => !dataGroups.has(n))) await readGroup(number);
  const dg1 = dataGroups.get(1);
  const dg13 = dataGroups.get(13);
  if (dg1 === undefined || dg13 === undefined) throw new ChipError('BAD_ANSWER', 'no DG1 or DG13');
  const authentications = { chip, active: await activeAuthentication(session, dataGroups.get(15), random) };

  const { document, personalData } = documentOf(dg1, dg13, options.today);
  const signed = passiveAuthentication(sod, dataGroups, options.cscas, options.now);
  const passiveAuth = signed === 'valid' && document.expiryDate < options.today ? 'expired' : signed;
  return {
    document,
    personalData,
    dataGroups: [...dataGroups.keys()].sort((a, b) => a - b),
    dataGroupHashes: Object.fromEntries([...dataGroups].map(([n, bytes]) => [n, createHash('sha256').update(bytes).digest('hex')])),
    passiveAuth,
    chipAuth: combined(authentications),
    authentications,
    accessControl,
  };
}

/** A conversation with the card that returns whole or throws a ChipError; nothing partial escapes. */
async function conversation<T>(channel: CardChannel, talk: (session: ApduSession) => Promise<T>): Promise<{ result: T; apdus: number }> {
  const session = new ApduSession(channel, atrOffersExtendedLength(channel.atr));
  try {
    return { result: await talk(session), apdus: session.apdus };
  } catch (error) {
    if (error instanceof ChipError) throw error;
    if (error instanceof DerError) throw new ChipError('BAD_ANSWER', error.message);
    throw new ChipError('BAD_ANSWER', error instanceof Error ? error.message : String(error));
  }
}

/**
 * Reads and verifies the chip on a connected card: PACE where offered or BAC, SELECT the eMRTD application, then EF.SOD,
 * DG14 and Chip Authentication where the SOD lists DG14, then DG1, DG13 and DG15 as far as the SOD lists
 * them, Active Authentication where DG15 is listed, passive authentication last. It returns a whole reading or throws a ChipError.
 */
export async function readChip(channel: CardChannel, key: ChipAccessKey, options: ReadOptions): Promise<ChipReadResult> {
  const { result, apdus } = await conversation(channel, (session) => readAll(session, key, options));
  return { reading: result, apdus };
}

/**
 * The face (DG2) for the officer to look at, never stored: read under secure messaging and shown only
 * when it hashes to what the SOD states (a face swapped into a copied card is refused as BAD_ANSWER).
 */
export async function readFace(channel: CardChannel, key: ChipAccessKey, random: (size: number) => Buffer = randomBytes): Promise<FaceImage> {
  const { result } = await conversation(channel, async (session) => {
    await openChip(session, key, random);
    const sodBytes = await session.readFile(EF_SOD_SFI);
    if (sodBytes === undefined) throw new ChipError('BAD_ANSWER', 'no EF.SOD');
    const dg2 = await session.readFile(2);
    if (dg2 === undefined || !dataGroupsMatch(parseSod(sodBytes), new Map([[2, dg2]]))) throw new ChipError('BAD_ANSWER', 'no DG2 the SOD signs');
    return faceImageOf(dg2);
  });
  return result;
}
