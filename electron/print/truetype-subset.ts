import type { FontFace } from './font-face';

/**
 * The glyphs a document uses, numbered in order of first use (0 stays .notdef), written out as a
 * TrueType font with only what a PDF's CIDFontType2 needs: glyf, loca, head, hhea, hmtx, maxp
 * (PDF 32000-1, 9.9: no cmap, name or OS/2; no fpgm, prep, cvt once the hinting is cut).
 */
export class GlyphSubset {
  /** Original glyph ids, by new id. */
  readonly gids: number[] = [0];
  /** By original glyph id, its id in the subset (0 when not in it yet, or .notdef). */
  private readonly ids: Uint16Array;

  constructor(private readonly face: FontFace) {
    this.ids = new Uint16Array(face.font.numGlyphs);
  }

  /** The glyph's id in the subset, added on first use. */
  add(gid: number): number {
    if (gid === 0) return 0;
    let id = this.ids[gid]!;
    if (id === 0) {
      id = this.gids.push(gid) - 1;
      this.ids[gid] = id;
    }
    return id;
  }

  encode(): Uint8Array {
    const glyphs: Uint8Array[] = [];
    // A composite's parts join the subset as they are met, so the list may grow while it is read.
    for (let i = 0; i < this.gids.length; i++) {
      const outline = this.face.outline(this.gids[i]!);
      let bytes = outline.bytes;
      if (outline.components.length > 0) {
        bytes = new Uint8Array(bytes);
        const view = new DataView(bytes.buffer);
        for (const c of outline.components) view.setUint16(c.at, this.add(c.gid));
      }
      glyphs.push(bytes);
    }
    return this.write(glyphs);
  }

  private write(glyphs: Uint8Array[]): Uint8Array {
    const count = glyphs.length;
    // Short loca: offsets / 2, so each glyph is padded to an even length.
    const glyfLength = glyphs.reduce((n, g) => n + g.length + (g.length & 1), 0);
    const glyf = new Uint8Array(glyfLength);
    const loca = new DataView(new ArrayBuffer(2 * (count + 1)));
    const hmtx = new DataView(new ArrayBuffer(4 * count));
    let offset = 0;
    glyphs.forEach((g, id) => {
      loca.setUint16(2 * id, offset / 2);
      glyf.set(g, offset);
      offset += g.length + (g.length & 1);
      const gid = this.gids[id]!;
      hmtx.setUint16(4 * id, this.face.advance(gid));
      hmtx.setInt16(4 * id + 2, this.face.leftSideBearing(gid));
    });
    loca.setUint16(2 * count, offset / 2);

    const head = this.face.tableCopy('head');
    const headView = new DataView(head.buffer);
    headView.setUint32(8, 0); // checkSumAdjustment, set once the file is whole
    headView.setInt16(50, 0); // indexToLocFormat: short
    const hhea = this.face.tableCopy('hhea');
    new DataView(hhea.buffer).setUint16(34, count); // numberOfHMetrics
    const maxp = this.face.tableCopy('maxp');
    const maxpView = new DataView(maxp.buffer);
    maxpView.setUint16(4, count); // numGlyphs
    if (maxp.length >= 32) maxpView.setUint16(26, 0); // maxSizeOfInstructions

    const file = sfnt({ glyf, head, hhea, hmtx: bytesOf(hmtx), loca: bytesOf(loca), maxp });
    new DataView(file.buffer).setUint32(headOffset(file) + 8, (0xb1b0afba - checksum(file)) >>> 0);
    return file;
  }
}

const bytesOf = (view: DataView) => new Uint8Array(view.buffer);

/** The sum of big-endian 32-bit words, the last one zero-padded. */
function checksum(bytes: Uint8Array): number {
  let sum = 0;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const whole = bytes.length & ~3;
  for (let i = 0; i < whole; i += 4) sum = (sum + view.getUint32(i)) >>> 0;
  let last = 0;
  for (let i = whole; i < bytes.length; i++) last |= bytes[i]! << (24 - 8 * (i - whole));
  return (sum + last) >>> 0;
}

/** An sfnt file: the table directory (tags in order), then each table padded to 4 bytes. */
function sfnt(tables: Record<string, Uint8Array>): Uint8Array {
  const tags = Object.keys(tables).sort();
  const dirLength = 12 + 16 * tags.length;
  const total = tags.reduce((n, t) => n + ((tables[t]!.length + 3) & ~3), dirLength);
  const file = new Uint8Array(total);
  const view = new DataView(file.buffer);
  const power = 2 ** Math.floor(Math.log2(tags.length));
  view.setUint32(0, 0x00010000);
  view.setUint16(4, tags.length);
  view.setUint16(6, power * 16); // searchRange
  view.setUint16(8, Math.log2(power)); // entrySelector
  view.setUint16(10, tags.length * 16 - power * 16); // rangeShift
  let offset = dirLength;
  tags.forEach((tag, i) => {
    const table = tables[tag]!;
    const entry = 12 + 16 * i;
    for (let k = 0; k < 4; k++) file[entry + k] = tag.charCodeAt(k);
    view.setUint32(entry + 4, checksum(table));
    view.setUint32(entry + 8, offset);
    view.setUint32(entry + 12, table.length);
    file.set(table, offset);
    offset += (table.length + 3) & ~3;
  });
  return file;
}

function headOffset(file: Uint8Array): number {
  const view = new DataView(file.buffer);
  for (let i = 0; i < view.getUint16(4); i++) {
    const entry = 12 + 16 * i;
    if (String.fromCharCode(...file.subarray(entry, entry + 4)) === 'head') return view.getUint32(entry + 8);
  }
  throw new Error('sfnt: no head table');
}
