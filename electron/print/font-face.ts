import fontkit from '@pdf-lib/fontkit';
import { readTableDirectory, type TableRecord } from './sfnt';

/** A character as the font draws it: its glyph and its advance in 1/1000 em. */
export interface MappedGlyph {
  gid: number;
  advance: number;
}

/** A glyph's outline as a subset copies it: hinting stripped, composite parts listed (offsets of their glyph ids). */
export interface GlyphOutline {
  bytes: Uint8Array;
  components: { gid: number; at: number }[];
}

/**
 * One TrueType font file read once: the cmap and hmtx give each character its glyph and width
 * (precomposed Vietnamese maps 1:1 through the cmap, so no shaping is needed), and each glyph's
 * outline is cut from glyf without its hinting instructions (useless at print resolution, half
 * of the glyf bytes). Every lookup is cached: the next documents only pick glyphs. fontkit's
 * public API reads the cmap, names and metrics; the tables are found through the file's own
 * directory (sfnt.ts), not fontkit's private one.
 */
export class FontFace {
  readonly font: ReturnType<typeof fontkit.create>;
  /** From font units to the 1/1000 em of PDF widths. */
  readonly scale: number;
  readonly numGlyphs: number;
  private readonly tables: Map<string, TableRecord>;
  /** By code point: an array, as text is measured character by character many times a document. */
  private readonly chars: (MappedGlyph | undefined)[] = [];
  private readonly outlines = new Map<number, GlyphOutline>();
  private readonly view: DataView;
  private readonly numberOfHMetrics: number;
  private readonly longLoca: boolean;

  constructor(readonly data: Uint8Array) {
    this.font = fontkit.create(data);
    this.view = new DataView(data.buffer, data.byteOffset, data.byteLength);
    this.tables = readTableDirectory(data);
    if (!this.tables.has('glyf')) throw new Error('FontFace: only TrueType outlines (glyf) are supported');
    this.scale = 1000 / this.font.unitsPerEm;
    this.numGlyphs = this.view.getUint16(this.table('maxp').offset + 4);
    this.numberOfHMetrics = this.view.getUint16(this.table('hhea').offset + 34);
    this.longLoca = this.view.getInt16(this.table('head').offset + 50) === 1;
  }

  table(tag: string): TableRecord {
    const t = this.tables.get(tag);
    if (!t) throw new Error(`FontFace: the font has no ${tag} table`);
    return t;
  }

  /** A copy of a table, to be edited (the data may be a Buffer, whose slice() would not copy). */
  tableCopy(tag: string): Uint8Array {
    const t = this.table(tag);
    return new Uint8Array(this.data.subarray(t.offset, t.offset + t.length));
  }

  /** The glyph of a code point through the cmap (0, .notdef, when the font lacks it). */
  glyph(codePoint: number): MappedGlyph {
    let mapped = this.chars[codePoint];
    if (!mapped) {
      const gid = this.font.glyphForCodePoint(codePoint).id;
      mapped = { gid, advance: this.advance(gid) * this.scale };
      this.chars[codePoint] = mapped;
    }
    return mapped;
  }

  /** The advance of an NFC text, in 1/1000 em. */
  width(text: string): number {
    let width = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.codePointAt(i)!;
      if (code > 0xffff) i++;
      width += this.glyph(code).advance;
    }
    return width;
  }

  /** hmtx: glyphs past numberOfHMetrics share the last advance. */
  advance(gid: number): number {
    return this.view.getUint16(this.table('hmtx').offset + 4 * Math.min(gid, this.numberOfHMetrics - 1));
  }

  leftSideBearing(gid: number): number {
    const hmtx = this.table('hmtx').offset;
    return gid < this.numberOfHMetrics ? this.view.getInt16(hmtx + 4 * gid + 2) : this.view.getInt16(hmtx + 4 * this.numberOfHMetrics + 2 * (gid - this.numberOfHMetrics));
  }

  outline(gid: number): GlyphOutline {
    let outline = this.outlines.get(gid);
    if (!outline) this.outlines.set(gid, (outline = this.readOutline(gid)));
    return outline;
  }

  private locaOffset(gid: number): number {
    const loca = this.table('loca').offset;
    return this.longLoca ? this.view.getUint32(loca + 4 * gid) : 2 * this.view.getUint16(loca + 2 * gid);
  }

  private readOutline(gid: number): GlyphOutline {
    const start = this.table('glyf').offset + this.locaOffset(gid);
    const glyph = this.data.subarray(start, this.table('glyf').offset + this.locaOffset(gid + 1));
    if (glyph.length === 0) return { bytes: glyph, components: [] };
    const view = new DataView(glyph.buffer, glyph.byteOffset, glyph.byteLength);
    const contours = view.getInt16(0);
    return contours >= 0 ? stripSimple(glyph, view, contours) : stripComposite(glyph, view);
  }
}

/** A simple glyph: header, end points, then instructionLength and the instructions, which are cut. */
function stripSimple(glyph: Uint8Array, view: DataView, contours: number): GlyphOutline {
  const lengthAt = 10 + 2 * contours;
  const instructions = view.getUint16(lengthAt);
  const bytes = new Uint8Array(glyph.length - instructions);
  bytes.set(glyph.subarray(0, lengthAt));
  bytes.set(glyph.subarray(lengthAt + 2 + instructions), lengthAt + 2); // instructionLength stays 0
  return { bytes, components: [] };
}

const ARGS_ARE_WORDS = 0x0001;
const HAS_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const HAS_XY_SCALE = 0x0040;
const HAS_2X2 = 0x0080;
const HAS_INSTRUCTIONS = 0x0100;

/** A composite glyph: its components are kept (their ids noted for remapping), its instructions cut. */
function stripComposite(glyph: Uint8Array, view: DataView): GlyphOutline {
  const components: GlyphOutline['components'] = [];
  let at = 10;
  let flags: number;
  do {
    flags = view.getUint16(at);
    components.push({ gid: view.getUint16(at + 2), at: at + 2 });
    at += 4 + (flags & ARGS_ARE_WORDS ? 4 : 2) + (flags & HAS_SCALE ? 2 : flags & HAS_XY_SCALE ? 4 : flags & HAS_2X2 ? 8 : 0);
  } while (flags & MORE_COMPONENTS);
  const bytes = new Uint8Array(glyph.subarray(0, at));
  const last = components.at(-1)!.at - 2;
  new DataView(bytes.buffer).setUint16(last, flags & ~HAS_INSTRUCTIONS);
  return { bytes, components };
}

/** Each font file is read once per process (the print service reuses its FontFiles). */
const faces = new WeakMap<Uint8Array, FontFace>();
export function fontFace(data: Uint8Array): FontFace {
  let face = faces.get(data);
  if (!face) faces.set(data, (face = new FontFace(data)));
  return face;
}
