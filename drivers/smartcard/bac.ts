import { randomBytes } from 'node:crypto';
import type { Command } from './apdu';
import { bacKeys } from './bac-key';
import type { ChipAccessKey } from './chip-reading';
import { SecureMessaging } from './secure-messaging';
import { tripleDesCipher } from './sm-cipher';
import { decrypt3des, encrypt3des, pad, retailMac, sessionKeysFromSeed } from './sm-crypto';

/** The exchange BAC needs: a plain command out, the data and status word back. */
export type PlainExchange = (command: Command) => Promise<{ data: Buffer; sw: number }>;

export type BacOutcome = { ok: true; sm: SecureMessaging } | { ok: false; reason: 'refused' | 'bad-answer' };

const xor = (a: Buffer, b: Buffer): Buffer => Buffer.from(a.map((byte, i) => byte ^ b[i]!));

/**
 * Doc 9303 Part 11 §4.3 Basic Access Control: GET CHALLENGE, then EXTERNAL AUTHENTICATE with
 * E(RND.IFD‖RND.IC‖K.IFD) and its MAC; the chip answers E(RND.IC‖RND.IFD‖K.IC) only if the MRZ
 * key is right. Session keys come from K.IFD ⊕ K.IC, the counter from the two nonces' low halves.
 * `random` is injectable so the Appendix D worked example can be replayed.
 */
export async function basicAccessControl(exchange: PlainExchange, key: ChipAccessKey, random: (size: number) => Buffer = randomBytes): Promise<BacOutcome> {
  const { encKey, macKey } = bacKeys(key);
  const challenge = await exchange({ cla: 0x00, ins: 0x84, p1: 0, p2: 0, ne: 8 });
  if (challenge.sw !== 0x9000 || challenge.data.length !== 8) return { ok: false, reason: 'bad-answer' };
  const rndIc = challenge.data;
  const rndIfd = random(8);
  const kIfd = random(16);
  const eIfd = encrypt3des(encKey, Buffer.concat([rndIfd, rndIc, kIfd]));
  const mIfd = retailMac(macKey, pad(eIfd));
  const answer = await exchange({ cla: 0x00, ins: 0x82, p1: 0, p2: 0, data: Buffer.concat([eIfd, mIfd]), ne: 40 });
  // 6300 / 6982 / 6988: the chip could not verify our cryptogram, so the MRZ key is wrong.
  if (answer.sw !== 0x9000) return { ok: false, reason: answer.sw === 0x6300 || answer.sw === 0x6982 || answer.sw === 0x6988 ? 'refused' : 'bad-answer' };
  if (answer.data.length !== 40) return { ok: false, reason: 'bad-answer' };
  const eIc = answer.data.subarray(0, 32);
  if (!retailMac(macKey, pad(eIc)).equals(answer.data.subarray(32))) return { ok: false, reason: 'bad-answer' };
  const plain = decrypt3des(encKey, eIc);
  if (!plain.subarray(0, 8).equals(rndIc) || !plain.subarray(8, 16).equals(rndIfd)) return { ok: false, reason: 'bad-answer' };
  const keys = sessionKeysFromSeed(xor(kIfd, plain.subarray(16, 32)));
  return { ok: true, sm: new SecureMessaging(tripleDesCipher(keys), Buffer.concat([rndIc.subarray(4), rndIfd.subarray(4)])) };
}
