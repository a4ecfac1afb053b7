/**
 * The little BER-TLV / DER the eMRTD needs (ICAO 9303 Part 10 files, the SOD's CMS, secure-messaging
 * objects): read a value's tag, length and bytes, and encode one back. Tags are kept as their raw
 * bytes read as a number (0x5F1F, 0x7F61), which is how Doc 9303 writes them.
 */
export interface Tlv {
  tag: number;
  /** Whether the tag's constructed bit is set (its value is itself TLVs). */
  constructed: boolean;
  value: Buffer;
  /** The whole encoding, tag and length included (hashes and signatures are over it). */
  raw: Buffer;
}

export class DerError extends Error {}

function readTag(bytes: Buffer, at: number): { tag: number; next: number } {
  if (at >= bytes.length) throw new DerError('tag past the end');
  let tag = bytes[at]!;
  let next = at + 1;
  if ((tag & 0x1f) === 0x1f) {
    do {
      if (next >= bytes.length || next - at > 3) throw new DerError('tag too long');
      tag = tag * 256 + bytes[next]!;
      next += 1;
    } while ((bytes[next - 1]! & 0x80) !== 0);
  }
  return { tag, next };
}

function readLength(bytes: Buffer, at: number): { length: number; next: number } {
  if (at >= bytes.length) throw new DerError('length past the end');
  const first = bytes[at]!;
  if (first < 0x80) return { length: first, next: at + 1 };
  const count = first & 0x7f;
  if (count === 0 || count > 3) throw new DerError('unsupported length form');
  if (at + 1 + count > bytes.length) throw new DerError('length past the end');
  let length = 0;
  for (let i = 0; i < count; i++) length = length * 256 + bytes[at + 1 + i]!;
  return { length, next: at + 1 + count };
}

/** The size of the TLV starting a buffer (tag, length and value) from its header alone. */
export function encodedSize(bytes: Buffer): number {
  const { next: afterTag } = readTag(bytes, 0);
  const { length, next } = readLength(bytes, afterTag);
  return next + length;
}

/** One TLV starting at `at`; throws DerError when it runs past the buffer. */
export function readTlv(bytes: Buffer, at = 0): { tlv: Tlv; next: number } {
  const { tag, next: afterTag } = readTag(bytes, at);
  const { length, next: start } = readLength(bytes, afterTag);
  const end = start + length;
  if (end > bytes.length) throw new DerError('value past the end');
  const firstTagByte = bytes[at]!;
  return { tlv: { tag, constructed: (firstTagByte & 0x20) !== 0, value: bytes.subarray(start, end), raw: bytes.subarray(at, end) }, next: end };
}

/** Every TLV of a concatenation (a constructed value's children). */
export function readAll(bytes: Buffer): Tlv[] {
  const out: Tlv[] = [];
  for (let at = 0; at < bytes.length; ) {
    const { tlv, next } = readTlv(bytes, at);
    out.push(tlv);
    at = next;
  }
  return out;
}

/** The single TLV a buffer holds, which must have the expected tag. */
export function expectTlv(bytes: Buffer, tag: number): Tlv {
  const { tlv } = readTlv(bytes);
  if (tlv.tag !== tag) throw new DerError(`expected tag ${tag.toString(16)}, found ${tlv.tag.toString(16)}`);
  return tlv;
}

export function children(tlv: Tlv): Tlv[] {
  return readAll(tlv.value);
}

export function childAt(tlv: Tlv, index: number, tag?: number): Tlv {
  const child = children(tlv)[index];
  if (child === undefined || (tag !== undefined && child.tag !== tag)) throw new DerError(`missing element ${index} of ${tlv.tag.toString(16)}`);
  return child;
}

function encodeLength(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length]);
  const bytes: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest % 256);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

function encodeTag(tag: number): Buffer {
  const bytes: number[] = [];
  for (let rest = tag; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest % 256);
  return Buffer.from(bytes.length === 0 ? [0] : bytes);
}

export function tlv(tag: number, ...value: Buffer[]): Buffer {
  const body = Buffer.concat(value);
  return Buffer.concat([encodeTag(tag), encodeLength(body.length), body]);
}

/** DER OBJECT IDENTIFIER contents → dotted text. */
export function oidText(value: Buffer): string {
  if (value.length === 0) throw new DerError('empty OID');
  const parts = [Math.floor(value[0]! / 40), value[0]! % 40];
  let current = 0;
  for (const byte of value.subarray(1)) {
    current = current * 128 + (byte & 0x7f);
    if ((byte & 0x80) === 0) {
      parts.push(current);
      current = 0;
    }
  }
  return parts.join('.');
}

/** Dotted text → DER OBJECT IDENTIFIER contents (base-128 arcs, the first two folded into one byte). */
export function oidBytes(dotted: string): Buffer {
  const [a, b, ...rest] = dotted.split('.').map(Number);
  const body: number[] = [a! * 40 + b!];
  for (const n of rest) {
    const arc = [n % 128];
    for (let v = Math.floor(n / 128); v > 0; v = Math.floor(v / 128)) arc.unshift((v % 128) | 0x80);
    body.push(...arc);
  }
  return Buffer.from(body);
}

export function smallInteger(t: Tlv): number {
  if (t.tag !== 0x02 || t.value.length === 0 || t.value.length > 4) throw new DerError('not a small INTEGER');
  return t.value.readUIntBE(0, t.value.length);
}
