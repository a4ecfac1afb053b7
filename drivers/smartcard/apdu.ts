/** ISO/IEC 7816-4 command APDUs, short or extended length, and the status word of a response. */
export interface Command {
  cla: number;
  ins: number;
  p1: number;
  p2: number;
  data?: Buffer;
  /** Bytes expected back: undefined for none; 256 (short) or 65536 (extended) ask for as many as there are. */
  ne?: number;
}

export interface Response {
  data: Buffer;
  sw: number;
}

/** Whether a command needs extended length (data over 255 bytes or more than 256 bytes expected). */
export const needsExtended = (command: Command): boolean => (command.data?.length ?? 0) > 255 || (command.ne ?? 0) > 256;

/** The Le field's bytes as they appear inside DO'97' or at the APDU's end (0 stands for the maximum). */
export function leBytes(ne: number, extended: boolean): Buffer {
  if (!extended) return Buffer.from([ne >= 256 ? 0 : ne]);
  return Buffer.from([(ne >= 65536 ? 0 : ne) >> 8, (ne >= 65536 ? 0 : ne) & 0xff]);
}

export function encodeCommand(command: Command, extended = needsExtended(command)): Buffer {
  const parts: Buffer[] = [Buffer.from([command.cla, command.ins, command.p1, command.p2])];
  const data = command.data ?? Buffer.alloc(0);
  if (data.length > 0) {
    parts.push(extended ? Buffer.from([0, data.length >> 8, data.length & 0xff]) : Buffer.from([data.length]), data);
  }
  if (command.ne !== undefined) {
    // Extended Le without data carries its own leading zero byte.
    if (extended && data.length === 0) parts.push(Buffer.from([0]));
    parts.push(leBytes(command.ne, extended));
  }
  return Buffer.concat(parts);
}

export function splitResponse(bytes: Buffer): Response {
  if (bytes.length < 2) throw new RangeError('response shorter than a status word');
  return { data: bytes.subarray(0, -2), sw: bytes.readUInt16BE(bytes.length - 2) };
}

export const SW_OK = 0x9000;
/** End of file reached before Le bytes (the rest of the file came back). */
export const SW_END_OF_FILE = 0x6282;
export const SW_FILE_NOT_FOUND = 0x6a82;
export const SW_SECURITY_NOT_SATISFIED = 0x6982;
