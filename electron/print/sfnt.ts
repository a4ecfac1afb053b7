/** Where a table lies in an sfnt (TrueType or OpenType) file. */
export interface TableRecord {
  offset: number;
  length: number;
}

const TRUETYPE = 0x00010000;
const APPLE_TRUE = 0x74727565; // 'true'
const OPENTYPE_CFF = 0x4f54544f; // 'OTTO'

const tagAt = (file: Uint8Array, at: number) => String.fromCharCode(...file.subarray(at, at + 4));

/**
 * The table directory of an sfnt file (OpenType, "Organization of an OpenType font"): the
 * version, the number of tables, then a 16-byte record per table (tag, checksum, offset, length).
 * Every table must lie inside the file.
 */
export function readTableDirectory(file: Uint8Array): Map<string, TableRecord> {
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  if (file.length < 12 || ![TRUETYPE, APPLE_TRUE, OPENTYPE_CFF].includes(view.getUint32(0))) throw new Error('sfnt: not a TrueType or OpenType font file');
  const count = view.getUint16(4);
  if (file.length < 12 + 16 * count) throw new Error('sfnt: the table directory is cut short');
  const tables = new Map<string, TableRecord>();
  for (let i = 0; i < count; i++) {
    const entry = 12 + 16 * i;
    const record = { offset: view.getUint32(entry + 8), length: view.getUint32(entry + 12) };
    if (record.offset + record.length > file.length) throw new Error(`sfnt: the ${tagAt(file, entry)} table lies past the end of the file`);
    tables.set(tagAt(file, entry), record);
  }
  return tables;
}

/** The sum of big-endian 32-bit words, the last one zero-padded. */
export function checksum(bytes: Uint8Array): number {
  let sum = 0;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const whole = bytes.length & ~3;
  for (let i = 0; i < whole; i += 4) sum = (sum + view.getUint32(i)) >>> 0;
  let last = 0;
  for (let i = whole; i < bytes.length; i++) last |= bytes[i]! << (24 - 8 * (i - whole));
  return (sum + last) >>> 0;
}

/**
 * A TrueType file: the table directory (tags in order), then each table padded to 4 bytes;
 * head.checkSumAdjustment makes the whole file sum to 0xB1B0AFBA (it must be 0 in the head given).
 */
export function writeSfnt(tables: Record<string, Uint8Array>): Uint8Array {
  const tags = Object.keys(tables).sort();
  const dirLength = 12 + 16 * tags.length;
  const total = tags.reduce((n, t) => n + ((tables[t]!.length + 3) & ~3), dirLength);
  const file = new Uint8Array(total);
  const view = new DataView(file.buffer);
  const power = 2 ** Math.floor(Math.log2(tags.length));
  view.setUint32(0, TRUETYPE);
  view.setUint16(4, tags.length);
  view.setUint16(6, power * 16); // searchRange
  view.setUint16(8, Math.log2(power)); // entrySelector
  view.setUint16(10, tags.length * 16 - power * 16); // rangeShift
  let offset = dirLength;
  let head = -1;
  tags.forEach((tag, i) => {
    const table = tables[tag]!;
    const entry = 12 + 16 * i;
    for (let k = 0; k < 4; k++) file[entry + k] = tag.charCodeAt(k);
    view.setUint32(entry + 4, checksum(table));
    view.setUint32(entry + 8, offset);
    view.setUint32(entry + 12, table.length);
    file.set(table, offset);
    if (tag === 'head') head = offset;
    offset += (table.length + 3) & ~3;
  });
  if (head < 0) throw new Error('sfnt: no head table');
  view.setUint32(head + 8, (0xb1b0afba - checksum(file)) >>> 0);
  return file;
}
