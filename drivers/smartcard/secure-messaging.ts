import { leBytes, type Command, type Response } from './apdu';
import { readAll, tlv } from './der';
import type { SmCipher } from './sm-cipher';
import { pad, unpad } from './sm-crypto';

/** The send-sequence counter: 8 bytes, incremented before each command and each response. */
export function incrementSsc(ssc: Buffer): void {
  for (let i = ssc.length - 1; i >= 0; i--) {
    ssc[i] = (ssc[i]! + 1) & 0xff;
    if (ssc[i] !== 0) return;
  }
}

export class SecureMessagingError extends Error {}

/**
 * Doc 9303 Part 11 §9.8: every command and response after BAC or PACE is protected. Commands carry the
 * encrypted data in DO'87', Le in DO'97' and a MAC in DO'8E'; responses carry DO'87', the status
 * word in DO'99' and a MAC, checked before anything in them is believed.
 */
export class SecureMessaging {
  constructor(private readonly cipher: SmCipher, readonly ssc: Buffer) {}

  private pad(data: Buffer): Buffer {
    return pad(data, this.cipher.blockSize);
  }

  wrap(command: Command, extended: boolean): Command {
    incrementSsc(this.ssc);
    const cla = command.cla | 0x0c;
    const header = this.pad(Buffer.from([cla, command.ins, command.p1, command.p2]));
    const data = command.data && command.data.length > 0 ? tlv(0x87, Buffer.from([1]), this.cipher.encrypt(this.ssc, this.pad(command.data))) : Buffer.alloc(0);
    const le = command.ne === undefined ? Buffer.alloc(0) : tlv(0x97, leBytes(command.ne, extended));
    const mac = this.cipher.mac(this.pad(Buffer.concat([this.ssc, header, data, le])));
    return { cla, ins: command.ins, p1: command.p1, p2: command.p2, data: Buffer.concat([data, le, tlv(0x8e, mac)]), ne: extended ? 65536 : 256 };
  }

  unwrap(response: Response): Response {
    incrementSsc(this.ssc);
    let objects;
    try {
      objects = readAll(response.data);
    } catch {
      throw new SecureMessagingError('malformed protected response');
    }
    const encrypted = objects.find((o) => o.tag === 0x87);
    const status = objects.find((o) => o.tag === 0x99);
    const mac = objects.find((o) => o.tag === 0x8e);
    if (status === undefined || mac === undefined || status.value.length !== 2) throw new SecureMessagingError('protected response without status or MAC');
    const covered = Buffer.concat([encrypted?.raw ?? Buffer.alloc(0), status.raw]);
    if (!this.cipher.mac(this.pad(Buffer.concat([this.ssc, covered]))).equals(mac.value)) throw new SecureMessagingError('wrong MAC on a response');
    if (encrypted === undefined) return { data: Buffer.alloc(0), sw: status.value.readUInt16BE(0) };
    if (encrypted.value[0] !== 1 || (encrypted.value.length - 1) % this.cipher.blockSize !== 0) throw new SecureMessagingError('bad encrypted data object');
    try {
      return { data: unpad(this.cipher.decrypt(this.ssc, encrypted.value.subarray(1))), sw: status.value.readUInt16BE(0) };
    } catch {
      throw new SecureMessagingError('bad padding in a protected response');
    }
  }
}
