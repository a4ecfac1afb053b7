/** A command APDU as the chip receives it (ISO/IEC 7816-4 cases 1–4, short or extended). */
export interface ReceivedCommand {
  cla: number;
  ins: number;
  p1: number;
  p2: number;
  data: Buffer;
  /** Expected length; 0 when absent; 256 / 65536 for "as many as there are". */
  ne: number;
  extended: boolean;
}

export function parseCommand(apdu: Buffer): ReceivedCommand {
  if (apdu.length < 4) throw new RangeError('APDU shorter than its header');
  const [cla, ins, p1, p2] = [apdu[0]!, apdu[1]!, apdu[2]!, apdu[3]!];
  const body = apdu.subarray(4);
  const base = { cla, ins, p1, p2 };
  if (body.length === 0) return { ...base, data: Buffer.alloc(0), ne: 0, extended: false };
  if (body.length === 1) return { ...base, data: Buffer.alloc(0), ne: body[0] || 256, extended: false };
  if (body[0] === 0 && body.length >= 3) {
    if (body.length === 3) return { ...base, data: Buffer.alloc(0), ne: body.readUInt16BE(1) || 65536, extended: true };
    const lc = body.readUInt16BE(1);
    const data = body.subarray(3, 3 + lc);
    const le = body.subarray(3 + lc);
    if (data.length !== lc || (le.length !== 0 && le.length !== 2)) throw new RangeError('bad extended APDU');
    return { ...base, data, ne: le.length === 2 ? le.readUInt16BE(0) || 65536 : 0, extended: true };
  }
  const lc = body[0]!;
  const data = body.subarray(1, 1 + lc);
  const le = body.subarray(1 + lc);
  if (data.length !== lc || le.length > 1) throw new RangeError('bad short APDU');
  return { ...base, data, ne: le.length === 1 ? le[0] || 256 : 0, extended: false };
}
