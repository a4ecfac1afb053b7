import { createECDH, type KeyObject } from 'node:crypto';
import { chipAuthenticationSession } from '../../../drivers/smartcard/chip-auth';
import { children, expectTlv, oidText, readAll } from '../../../drivers/smartcard/der';
import { CA_ECDH_3DES, CA_ECDH_AES_128 } from '../../../drivers/smartcard/dg14';
import type { SmCipher } from '../../../drivers/smartcard/sm-cipher';

export type ChipAuthenticationProtocol = typeof CA_ECDH_3DES | typeof CA_ECDH_AES_128;

/** The chip's static Chip Authentication key (P-256) and the protocol its DG14 names. */
export interface ChipCaKey {
  privateKey: KeyObject;
  protocol: ChipAuthenticationProtocol;
}

export type CaStep = { answer: [Buffer, number]; session?: { cipher: SmCipher; ssc: Buffer } };

const refused = (status: number): CaStep => ({ answer: [Buffer.alloc(0), status] });

/**
 * The chip's half of Chip Authentication v1 under secure messaging: MSE:Set KAT (3DES) or MSE:Set AT
 * then General Authenticate (AES). The session keys come from this chip's private key: a copy that
 * holds another key derives other keys, and the reader's next command fails its MAC.
 */
export class ChipCa {
  private protocolSet = false;

  constructor(private readonly key: ChipCaKey) {}

  private agree(terminalPublic: Buffer): CaStep {
    const ecdh = createECDH('prime256v1');
    const d = this.key.privateKey.export({ format: 'jwk' }).d;
    if (d === undefined) return refused(0x6a80);
    ecdh.setPrivateKey(Buffer.from(d, 'base64url'));
    let secret: Buffer;
    try {
      secret = ecdh.computeSecret(terminalPublic);
    } catch {
      return refused(0x6a80);
    }
    return { answer: [Buffer.alloc(0), 0x9000], session: chipAuthenticationSession(this.key.protocol === CA_ECDH_3DES ? '3DES' : 'AES-128', secret) };
  }

  /** MSE: P2 'A6' (KAT, 3DES) carries the key in DO'91'; P2 'A4' (AT, AES) names the protocol in DO'80'. */
  manageSecurityEnvironment(p2: number, data: Buffer): CaStep {
    let objects;
    try {
      objects = readAll(data);
    } catch {
      return refused(0x6a80);
    }
    if (p2 === 0xa6 && this.key.protocol === CA_ECDH_3DES) {
      const key = objects.find((o) => o.tag === 0x91);
      return key === undefined ? refused(0x6a80) : this.agree(key.value);
    }
    const protocol = objects.find((o) => o.tag === 0x80);
    if (p2 !== 0xa4 || protocol === undefined || oidText(protocol.value) !== this.key.protocol) return refused(0x6a80);
    this.protocolSet = true;
    return refused(0x9000);
  }

  generalAuthenticate(data: Buffer): CaStep {
    if (!this.protocolSet) return refused(0x6985);
    this.protocolSet = false;
    let key;
    try {
      key = children(expectTlv(data, 0x7c)).find((o) => o.tag === 0x80);
    } catch {
      return refused(0x6a80);
    }
    if (key === undefined) return refused(0x6a80);
    const step = this.agree(key.value);
    return step.session === undefined ? step : { ...step, answer: [Buffer.from([0x7c, 0x00]), 0x9000] };
  }
}
