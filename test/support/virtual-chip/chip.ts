import { randomBytes, sign, type KeyObject } from 'node:crypto';
import { bacKeys } from '../../../drivers/smartcard/bac-key';
import type { ChipAccessKey } from '../../../drivers/smartcard/chip-reading';
import { readAll, tlv } from '../../../drivers/smartcard/der';
import { incrementSsc } from '../../../drivers/smartcard/secure-messaging';
import { EF_CARD_ACCESS_SFI } from '../../../drivers/smartcard/card-access';
import { aesCipher, tripleDesCipher, type SmCipher } from '../../../drivers/smartcard/sm-cipher';
import { ChipCa, type CaStep, type ChipCaKey } from './chip-ca';
import { ChipPace } from './chip-pace';
import { decrypt3des, encrypt3des, pad, retailMac, sessionKeysFromSeed, unpad } from '../../../drivers/smartcard/sm-crypto';
import { parseCommand, type ReceivedCommand } from './command-apdu';

const EMRTD_AID = Buffer.from('A0000002471001', 'hex');
interface ChipSession {
  cipher: SmCipher;
  ssc: Buffer;
}

const sw = (word: number) => Buffer.from([word >> 8, word & 0xff]);

export interface ChipContents {
  /** The MRZ key the chip was personalised with. */
  accessKey: ChipAccessKey;
  /** Elementary files by short file identifier (EF.COM 0x1E, EF.SOD 0x1D, DG n = n). */
  files: Map<number, Buffer>;
  /** The private half of DG15's key; a copied chip holds another. */
  activeAuthenticationKey?: KeyObject;
  extendedLength: boolean;
  /** The private half of DG14's Chip Authentication key; a copied chip holds another. */
  chipAuthenticationKey?: ChipCaKey;
  /** Answers the READ BINARY of this SFI with bytes that are no protected answer at all. */
  malformedFile?: number;
}

/** ATR with T=1 and a card-capabilities object (ISO/IEC 7816-4 §8.1.1.2.7) that offers extended length or not. */
export function atrFor(extendedLength: boolean): Buffer {
  const body = Buffer.from([0x85, 0x80, 0x01, 0x80, 0x73, 0x00, 0x00, extendedLength ? 0x40 : 0x00]);
  const tck = body.reduce((x, b) => x ^ b, 0);
  return Buffer.concat([Buffer.from([0x3b]), body, Buffer.from([tck])]);
}

/**
 * A virtual eMRTD chip: the eMRTD application, BAC with the MRZ key it was personalised with, secure
 * messaging with MAC checks in both directions, READ BINARY by SFI or offset, SELECT by file id and
 * INTERNAL AUTHENTICATE (ECDSA). It answers raw APDUs, so the reader code under test cannot tell it from a card.
 */
export class VirtualChip {
  readonly atr: Buffer;
  private applicationSelected = false;
  private challenge: Buffer | undefined;
  private session: ChipSession | undefined;
  private currentFile: number | undefined;
  private pace: ChipPace | undefined;
  private chipAuthentication: ChipCa | undefined;
  /** The keys Chip Authentication agreed: they take over once its answer has gone out under the old ones. */
  private nextSession: ChipSession | undefined;

  constructor(readonly contents: ChipContents) {
    this.atr = atrFor(contents.extendedLength);
  }

  reset(): void {
    this.applicationSelected = false;
    this.challenge = undefined;
    this.session = undefined;
    this.currentFile = undefined;
    this.pace = undefined;
    this.chipAuthentication = undefined;
    this.nextSession = undefined;
  }

  answer(apdu: Buffer): Buffer {
    let command: ReceivedCommand;
    try {
      command = parseCommand(apdu);
    } catch {
      return sw(0x6700);
    }
    if ((command.cla & 0x0c) === 0x0c) return this.protectedAnswer(command);
    // A plain command ends secure messaging (Doc 9303 Part 11 §9.8.6).
    this.session = undefined;
    if (command.ins === 0xa4 && command.p1 === 0x04) return this.selectApplication(command.data);
    if (this.contents.files.has(EF_CARD_ACCESS_SFI)) {
      if (command.ins === 0xb0 && command.p1 === (0x80 | EF_CARD_ACCESS_SFI)) return this.plain(this.readBinary(command));
      if (command.ins === 0x22 && command.p1 === 0xc1 && command.p2 === 0xa4) return this.setAuthenticationTemplate();
      if (command.ins === 0x86) return this.generalAuthenticate(command.data);
    }
    if (!this.applicationSelected) return sw(0x6982);
    if (command.ins === 0x84) return this.getChallenge();
    if (command.ins === 0x82) return this.externalAuthenticate(command.data);
    return sw(0x6982);
  }

  private plain([body, status]: [Buffer, number]): Buffer {
    return Buffer.concat([body, sw(status)]);
  }

  private setAuthenticationTemplate(): Buffer {
    this.pace = new ChipPace(this.contents.accessKey);
    return sw(0x9000);
  }

  private generalAuthenticate(data: Buffer): Buffer {
    if (this.pace === undefined) return sw(0x6985);
    const step = this.pace.generalAuthenticate(data);
    if (step.keys !== undefined) {
      this.pace = undefined;
      this.session = { cipher: aesCipher(step.keys), ssc: Buffer.alloc(16) };
    }
    return Buffer.concat([step.data, sw(step.sw)]);
  }

  private selectApplication(aid: Buffer): Buffer {
    this.applicationSelected = aid.equals(EMRTD_AID);
    return sw(this.applicationSelected ? 0x9000 : 0x6a82);
  }

  private getChallenge(): Buffer {
    this.challenge = randomBytes(8);
    return Buffer.concat([this.challenge, sw(0x9000)]);
  }

  private externalAuthenticate(data: Buffer): Buffer {
    const { encKey, macKey } = bacKeys(this.contents.accessKey);
    const rndIc = this.challenge;
    this.challenge = undefined;
    if (rndIc === undefined || data.length !== 40) return sw(0x6985);
    if (!retailMac(macKey, pad(data.subarray(0, 32))).equals(data.subarray(32))) return sw(0x6300);
    const plain = decrypt3des(encKey, data.subarray(0, 32));
    if (!plain.subarray(8, 16).equals(rndIc)) return sw(0x6300);
    const rndIfd = plain.subarray(0, 8);
    const kIc = randomBytes(16);
    const eIc = encrypt3des(encKey, Buffer.concat([rndIc, rndIfd, kIc]));
    const seed = Buffer.from(kIc.map((b, i) => b ^ plain[16 + i]!));
    this.session = { cipher: tripleDesCipher(sessionKeysFromSeed(seed)), ssc: Buffer.concat([rndIc.subarray(4), rndIfd.subarray(4)]) };
    return Buffer.concat([eIc, retailMac(macKey, pad(eIc)), sw(0x9000)]);
  }

  private protectedAnswer(command: ReceivedCommand): Buffer {
    const session = this.session;
    if (session === undefined) return sw(0x6988);
    incrementSsc(session.ssc);
    let objects;
    try {
      objects = readAll(command.data);
    } catch {
      this.session = undefined;
      return sw(0x6988);
    }
    const encrypted = objects.find((o) => o.tag === 0x87);
    const le = objects.find((o) => o.tag === 0x97);
    const mac = objects.find((o) => o.tag === 0x8e);
    const block = session.cipher.blockSize;
    const header = pad(Buffer.from([command.cla, command.ins, command.p1, command.p2]), block);
    const covered = Buffer.concat([session.ssc, header, encrypted?.raw ?? Buffer.alloc(0), le?.raw ?? Buffer.alloc(0)]);
    if (mac === undefined || !session.cipher.mac(pad(covered, block)).equals(mac.value)) {
      this.session = undefined;
      return sw(0x6988);
    }
    const data = encrypted === undefined ? Buffer.alloc(0) : unpad(session.cipher.decrypt(session.ssc, encrypted.value.subarray(1)));
    const ne = le === undefined ? 0 : le.value.readUIntBE(0, le.value.length) || (le.value.length === 1 ? 256 : 65536);
    const inner = { ...command, cla: 0, data, ne };
    if (this.contents.malformedFile !== undefined && command.ins === 0xb0 && (command.p1 & 0x1f) === this.contents.malformedFile && command.p1 & 0x80) {
      return Buffer.concat([Buffer.from([0x87, 0x40, 0x01, 0x02]), sw(0x9000)]);
    }
    const [body, status] = this.execute(inner);
    const answer = this.protect(session, body, status);
    if (this.nextSession !== undefined) [this.session, this.nextSession] = [this.nextSession, undefined];
    return answer;
  }

  private protect(session: ChipSession, body: Buffer, status: number): Buffer {
    incrementSsc(session.ssc);
    const block = session.cipher.blockSize;
    const encrypted = body.length === 0 ? Buffer.alloc(0) : tlv(0x87, Buffer.from([1]), session.cipher.encrypt(session.ssc, pad(body, block)));
    const statusObject = tlv(0x99, sw(status));
    const mac = session.cipher.mac(pad(Buffer.concat([session.ssc, encrypted, statusObject]), block));
    return Buffer.concat([encrypted, statusObject, tlv(0x8e, mac), sw(0x9000)]);
  }

  private execute(command: ReceivedCommand): [Buffer, number] {
    if (command.ins === 0xa4 && command.p1 === 0x04) return [Buffer.alloc(0), this.selectApplication(command.data).readUInt16BE(0)];
    if (command.ins === 0xa4 && command.p1 === 0x02) return this.selectFile(command.data);
    if (command.ins === 0xb0) return this.readBinary(command);
    if (command.ins === 0x88) return this.internalAuthenticate(command.data);
    const key = this.contents.chipAuthenticationKey;
    if (key !== undefined && command.ins === 0x22 && command.p1 === 0x41) {
      this.chipAuthentication = new ChipCa(key);
      return this.agreed(this.chipAuthentication.manageSecurityEnvironment(command.p2, command.data));
    }
    if (this.chipAuthentication !== undefined && command.ins === 0x86) return this.agreed(this.chipAuthentication.generalAuthenticate(command.data));
    return [Buffer.alloc(0), 0x6d00];
  }

  private agreed(step: CaStep): [Buffer, number] {
    if (step.session !== undefined) {
      this.nextSession = step.session;
      this.chipAuthentication = undefined;
    }
    return step.answer;
  }

  private selectFile(fid: Buffer): [Buffer, number] {
    const sfi = fid.length === 2 && fid[0] === 0x01 ? fid[1]! : -1;
    if (!this.contents.files.has(sfi)) return [Buffer.alloc(0), 0x6a82];
    this.currentFile = sfi;
    return [Buffer.alloc(0), 0x9000];
  }

  private readBinary(command: ReceivedCommand): [Buffer, number] {
    const bySfi = (command.p1 & 0x80) !== 0;
    const sfi = bySfi ? command.p1 & 0x1f : this.currentFile;
    const offset = bySfi ? command.p2 : ((command.p1 & 0x7f) << 8) | command.p2;
    const file = sfi === undefined ? undefined : this.contents.files.get(sfi);
    if (file === undefined) return [Buffer.alloc(0), 0x6a82];
    this.currentFile = sfi;
    if (offset > file.length) return [Buffer.alloc(0), 0x6b00];
    const slice = file.subarray(offset, offset + command.ne);
    const askedForAll = command.ne === 256 || command.ne === 65536;
    return [slice, slice.length < command.ne && !askedForAll ? 0x6282 : 0x9000];
  }

  private internalAuthenticate(challenge: Buffer): [Buffer, number] {
    const key = this.contents.activeAuthenticationKey;
    if (key === undefined || challenge.length !== 8) return [Buffer.alloc(0), 0x6d00];
    return [sign('sha256', challenge, { key, dsaEncoding: 'ieee-p1363' }), 0x9000];
  }
}
