import type { FontFace } from './font-face';
import { writeSfnt } from './sfnt';

/** The largest glyf a short loca can index: offsets are stored halved, in 16 bits. */
export const SHORT_LOCA_LIMIT = 2 * 0xffff;

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
    this.ids = new Uint16Array(face.numGlyphs);
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
    // Each glyph is padded to an even length, as a short loca stores offsets / 2.
    const glyfLength = glyphs.reduce((n, g) => n + g.length + (g.length & 1), 0);
    const long = glyfLength > SHORT_LOCA_LIMIT;
    const glyf = new Uint8Array(glyfLength);
    const loca = new DataView(new ArrayBuffer((long ? 4 : 2) * (count + 1)));
    const setOffset = (id: number, offset: number) => (long ? loca.setUint32(4 * id, offset) : loca.setUint16(2 * id, offset / 2));
    const hmtx = new DataView(new ArrayBuffer(4 * count));
    let offset = 0;
    glyphs.forEach((g, id) => {
      setOffset(id, offset);
      glyf.set(g, offset);
      offset += g.length + (g.length & 1);
      const gid = this.gids[id]!;
      hmtx.setUint16(4 * id, this.face.advance(gid));
      hmtx.setInt16(4 * id + 2, this.face.leftSideBearing(gid));
    });
    setOffset(count, offset);

    const head = this.face.tableCopy('head');
    const headView = new DataView(head.buffer);
    headView.setUint32(8, 0); // checkSumAdjustment, set once the file is whole
    headView.setInt16(50, long ? 1 : 0); // indexToLocFormat
    const hhea = this.face.tableCopy('hhea');
    new DataView(hhea.buffer).setUint16(34, count); // numberOfHMetrics
    const maxp = this.face.tableCopy('maxp');
    const maxpView = new DataView(maxp.buffer);
    maxpView.setUint16(4, count); // numGlyphs
    if (maxp.length >= 32) maxpView.setUint16(26, 0); // maxSizeOfInstructions

    return writeSfnt({ glyf, head, hhea, hmtx: bytesOf(hmtx), loca: bytesOf(loca), maxp });
  }
}

const bytesOf = (view: DataView) => new Uint8Array(view.buffer);
