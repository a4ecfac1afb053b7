import { randomBytes } from 'node:crypto';
import type { ChipAccessKey } from '../../../drivers/smartcard/chip-reading';
import { children, expectTlv, tlv } from '../../../drivers/smartcard/der';
import { add, decodePoint, encodePoint, multiply, P256, toBigInt, toBytes, type Point } from '../../../drivers/smartcard/ec-point';
import { paceKdf, paceToken, passwordKey } from '../../../drivers/smartcard/pace';
import { aesCbc } from '../../../drivers/smartcard/sm-cipher';
import type { SessionKeys } from '../../../drivers/smartcard/sm-crypto';

const scalar = (): bigint => (toBigInt(randomBytes(40)) % (P256.n - 1n)) + 1n;

export type PaceStep = { data: Buffer; sw: number; keys?: SessionKeys };

/**
 * The chip's half of PACE-ECDH-GM-AES-128 on P-256: four General Authenticate steps after MSE:Set AT.
 * Any step out of order, or a token that does not match (a wrong MRZ key), ends the run with an error.
 */
export class ChipPace {
  private step = 0;
  private nonce = 0n;
  private generator: Point = null;
  private ownKey = 0n;
  private ownPublic: Buffer = Buffer.alloc(0);
  private terminalPublic: Buffer = Buffer.alloc(0);
  private keys: SessionKeys | undefined;

  constructor(private readonly accessKey: ChipAccessKey) {}

  generalAuthenticate(data: Buffer): PaceStep {
    let inner: Buffer | undefined;
    try {
      inner = children(expectTlv(data, 0x7c))[0]?.value;
    } catch {
      return { data: Buffer.alloc(0), sw: 0x6a80 };
    }
    this.step += 1;
    try {
      return this.answer(this.step, inner ?? Buffer.alloc(0));
    } catch {
      this.step = 99;
      return { data: Buffer.alloc(0), sw: 0x6a80 };
    }
  }

  private answer(step: number, inner: Buffer): PaceStep {
    if (step === 1) {
      const s = randomBytes(16);
      this.nonce = toBigInt(s);
      return { data: tlv(0x7c, tlv(0x80, aesCbc(passwordKey(this.accessKey), s, true))), sw: 0x9000 };
    }
    if (step === 2) {
      const mapKey = scalar();
      const h = multiply(P256, mapKey, decodePoint(P256, inner));
      this.generator = add(P256, multiply(P256, this.nonce, P256.g), h);
      return { data: tlv(0x7c, tlv(0x82, encodePoint(P256, multiply(P256, mapKey, P256.g)))), sw: 0x9000 };
    }
    if (step === 3) {
      this.terminalPublic = inner;
      this.ownKey = scalar();
      this.ownPublic = encodePoint(P256, multiply(P256, this.ownKey, this.generator));
      const shared = multiply(P256, this.ownKey, decodePoint(P256, inner));
      if (shared === null) throw new RangeError('point at infinity');
      const secret = toBytes(shared.x, P256.size);
      this.keys = { encKey: paceKdf(secret, 1), macKey: paceKdf(secret, 2) };
      return { data: tlv(0x7c, tlv(0x84, this.ownPublic)), sw: 0x9000 };
    }
    if (step === 4 && this.keys !== undefined) {
      if (!inner.equals(paceToken(this.keys.macKey, this.ownPublic))) return { data: Buffer.alloc(0), sw: 0x6300 };
      return { data: tlv(0x7c, tlv(0x86, paceToken(this.keys.macKey, this.terminalPublic))), sw: 0x9000, keys: this.keys };
    }
    return { data: Buffer.alloc(0), sw: 0x6985 };
  }
}
