import { connect, type Socket } from 'node:net';
import type { VirtualChip } from './chip';

/** vpcd (vsmartcard) listens here for the card of reader "Virtual PCD 00 00"; this project's tests own it. */
export const VPCD_PORT = 35963;
export const VPCD_READER = 'Virtual PCD 00 00';

const CONTROL = { powerOff: 0, powerOn: 1, reset: 2, atr: 4 } as const;

export interface InsertOptions {
  port?: number;
  /** Pull the card (close the socket) instead of answering this APDU, counted from 1. */
  removeAtApdu?: number;
}

/**
 * The virtual chip on vpcd's socket: each message is a 2-byte big-endian length and a payload; a 1-byte
 * payload is a control (0 off, 1 on, 2 reset, 4 ATR request), anything longer an APDU to answer.
 * Connecting is putting the card on the reader; closing the socket is taking it off.
 */
export class VpcdCard {
  apdus = 0;
  private buffered = Buffer.alloc(0);

  private constructor(private readonly socket: Socket, private readonly chip: VirtualChip, private readonly options: InsertOptions) {
    socket.on('data', (chunk: Buffer) => this.receive(chunk));
    socket.on('error', () => undefined);
  }

  static insert(chip: VirtualChip, options: InsertOptions = {}): Promise<VpcdCard> {
    return new Promise((resolve, reject) => {
      const socket = connect({ host: '127.0.0.1', port: options.port ?? VPCD_PORT });
      socket.setNoDelay(true);
      socket.once('error', reject);
      socket.once('connect', () => {
        socket.off('error', reject);
        resolve(new VpcdCard(socket, chip, options));
      });
    });
  }

  /** Takes the card off the reader. */
  remove(): Promise<void> {
    if (this.socket.destroyed) return Promise.resolve();
    return new Promise((resolve) => {
      this.socket.once('close', () => resolve());
      this.socket.destroy();
    });
  }

  private receive(chunk: Buffer): void {
    this.buffered = Buffer.concat([this.buffered, chunk]);
    while (this.buffered.length >= 2) {
      const length = this.buffered.readUInt16BE(0);
      if (this.buffered.length < 2 + length) return;
      const payload = this.buffered.subarray(2, 2 + length);
      this.buffered = this.buffered.subarray(2 + length);
      this.handle(payload);
    }
  }

  private handle(payload: Buffer): void {
    if (payload.length === 1) {
      if (payload[0] === CONTROL.atr) this.send(this.chip.atr);
      else this.chip.reset();
      return;
    }
    this.apdus += 1;
    if (this.apdus === this.options.removeAtApdu) {
      this.socket.destroy();
      return;
    }
    this.send(this.chip.answer(payload));
  }

  private send(bytes: Buffer): void {
    const length = Buffer.alloc(2);
    length.writeUInt16BE(bytes.length);
    this.socket.write(Buffer.concat([length, bytes]));
  }
}
