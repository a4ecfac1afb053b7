import { encodeCommand, splitResponse, type Command, type Response } from './apdu';
import type { CardChannel } from './card-channel';
import { ChipError } from './chip-error';
import { encodedSize } from './der';
import { SecureMessaging, SecureMessagingError } from './secure-messaging';

/** Largest READ BINARY chunk whose protected answer still fits a short response (Doc 9303 readers use 0xDF). */
const SHORT_CHUNK = 0xdf;
const MAX_OFFSET = 0x7fff;

/**
 * The chip refused our protection (6987/6988: SM data objects missing or wrong) or its answer failed
 * our MAC: the two ends do not hold the same session keys. Still a BAD_ANSWER to whoever reads; after
 * Chip Authentication it is the sign of a chip without the private key.
 */
export class SessionKeysDiffer extends ChipError {
  constructor(detail: string) {
    super('BAD_ANSWER', detail);
  }
}

/** One card conversation: counts APDUs, protects every command once BAC has opened secure messaging. */
export class ApduSession {
  apdus = 0;
  sm: SecureMessaging | undefined;

  constructor(private readonly channel: CardChannel, readonly extended: boolean) {}

  async send(command: Command): Promise<Response> {
    const extended = this.extended && (this.sm !== undefined || (command.ne ?? 0) > 256);
    const outgoing = this.sm ? this.sm.wrap(command, extended) : command;
    this.apdus += 1;
    const raw = await this.channel.transmit(encodeCommand(outgoing, extended));
    if (raw.length < 2) throw new ChipError('BAD_ANSWER', 'answer shorter than a status word');
    const response = splitResponse(raw);
    if (this.sm === undefined) return response;
    // A chip may refuse a protected command with a bare status word (no data objects to check).
    if (response.data.length === 0 && response.sw !== 0x9000) {
      if (response.sw === 0x6987 || response.sw === 0x6988) throw new SessionKeysDiffer(`the chip refused our secure messaging (${response.sw.toString(16)})`);
      return response;
    }
    try {
      return this.sm.unwrap(response);
    } catch (error) {
      if (error instanceof SecureMessagingError) throw new SessionKeysDiffer(error.message);
      throw error;
    }
  }

  /**
   * A whole elementary file by its short file identifier, or undefined when the chip has none. With
   * extended length the first READ BINARY asks for everything (one APDU per file); otherwise the first
   * chunk's TLV header gives the size and the rest follows in chunks.
   */
  async readFile(sfi: number): Promise<Buffer | undefined> {
    const chunk = this.extended ? 65536 : SHORT_CHUNK;
    const first = await this.send({ cla: 0, ins: 0xb0, p1: 0x80 | sfi, p2: 0, ne: chunk });
    if (first.sw === 0x6a82) return undefined;
    if (first.sw !== 0x9000 && first.sw !== 0x6282) throw new ChipError('BAD_ANSWER', `READ BINARY of SFI ${sfi} answered ${first.sw.toString(16)}`);
    const total = encodedLength(first.data);
    const parts = [first.data];
    for (let have = first.data.length; have < total; ) {
      if (have > MAX_OFFSET) throw new ChipError('BAD_ANSWER', 'file larger than READ BINARY can reach');
      const next = await this.send({ cla: 0, ins: 0xb0, p1: have >> 8, p2: have & 0xff, ne: Math.min(chunk, total - have) });
      if ((next.sw !== 0x9000 && next.sw !== 0x6282) || next.data.length === 0) throw new ChipError('BAD_ANSWER', `READ BINARY at ${have} answered ${next.sw.toString(16)}`);
      parts.push(next.data);
      have += next.data.length;
    }
    return Buffer.concat(parts).subarray(0, total);
  }
}

/** The size of the TLV a file starts with, from its header alone. */
function encodedLength(head: Buffer): number {
  try {
    return encodedSize(head);
  } catch {
    throw new ChipError('BAD_ANSWER', 'file does not start with a TLV header');
  }
}
