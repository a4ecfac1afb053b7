import { PDFString, type PDFContext, type PDFDocument, type PDFRef } from 'pdf-lib';
import { flate } from './flate-stream';
import type { FontFace } from './font-face';
import { GlyphSubset } from './truetype-subset';

/** Flags bit 3: a CID font's glyphs are outside the standard Latin set (PDF 32000-1, 9.8.2). */
const SYMBOLIC = 4;

/**
 * A document's font, set without shaping: each character goes to its glyph through the cmap
 * (text is NFC, where precomposed Vietnamese letters map 1:1) and is measured with hmtx.
 * pdf-lib's own embedder runs fontkit's whole GSUB/GPOS layout for every width and every line
 * drawn, then draws the glyphs without the positions it computed; that layout was most of a
 * document's time. So the font is not a pdf-lib PDFFont at all: its objects are written here
 * through PDFContext's public API, its subset (font-face.ts, truetype-subset.ts) without hinting,
 * and page-text.ts writes its text.
 */
export class SubsetFont {
  /** Where the font's Type0 dictionary will be, for the pages' resources. */
  readonly ref: PDFRef;
  private readonly subset: GlyphSubset;
  /** The text each subset glyph stands for, for the ToUnicode map (copy and search). */
  private readonly unicode: string[] = [''];

  constructor(
    private readonly context: PDFContext,
    private readonly face: FontFace,
  ) {
    this.ref = context.nextRef();
    this.subset = new GlyphSubset(face);
  }

  /** The subset ids of the text's glyphs, each glyph added to the subset on first use. */
  private ids(text: string): number[] {
    const ids: number[] = [];
    for (const ch of nfc(text)) {
      const id = this.subset.add(this.face.glyph(ch.codePointAt(0)!).gid);
      this.unicode[id] ??= ch;
      ids.push(id);
    }
    return ids;
  }

  /** The text as a literal string of its two-byte codes (PDF 32000-1, 7.3.4.2): half the length of hex. */
  encodeLiteral(text: string): string {
    let literal = '(';
    for (const id of this.ids(text)) literal += LITERAL_BYTE[id >> 8]! + LITERAL_BYTE[id & 0xff]!;
    return `${literal})`;
  }

  widthOfTextAtSize(text: string, size: number): number {
    return (this.face.width(nfc(text)) * size) / 1000;
  }

  /** Writes the font's objects, with the glyphs used so far: once, when the document is saved. */
  embed(): void {
    const { context } = this;
    const program = this.subset.encode();
    const baseFont = `${subsetTag(this.subset.gids)}+${this.face.font.postscriptName || 'Font'}`;
    const { font, scale } = this.face;
    const descriptor = context.register(
      context.obj({
        Type: 'FontDescriptor',
        FontName: baseFont,
        Flags: SYMBOLIC,
        FontBBox: [font.bbox.minX, font.bbox.minY, font.bbox.maxX, font.bbox.maxY].map((v) => Math.round(v * scale)),
        ItalicAngle: font.italicAngle,
        Ascent: Math.round(font.ascent * scale),
        Descent: Math.round(font.descent * scale),
        CapHeight: Math.round((font.capHeight || font.ascent) * scale),
        StemV: 0,
        FontFile2: context.register(flate(context, program, { Length1: program.length })),
      }),
    );
    const widths = this.subset.gids.slice(1).map((gid) => Math.round(this.face.advance(gid) * scale));
    const cidFont = context.register(
      context.obj({
        Type: 'Font',
        Subtype: 'CIDFontType2',
        BaseFont: baseFont,
        CIDSystemInfo: { Registry: PDFString.of('Adobe'), Ordering: PDFString.of('Identity'), Supplement: 0 },
        FontDescriptor: descriptor,
        W: [1, widths],
        CIDToGIDMap: 'Identity',
      }),
    );
    context.assign(
      this.ref,
      context.obj({
        Type: 'Font',
        Subtype: 'Type0',
        BaseFont: baseFont,
        Encoding: 'Identity-H',
        DescendantFonts: [cidFont],
        ToUnicode: context.register(flate(context, toUnicodeCMap(this.unicode))),
      }),
    );
  }
}

/**
 * Characters NFC leaves as they are in any context: below the combining marks (U+0300), the
 * precomposed Vietnamese letters and general punctuation (but for the two quads it maps). Most
 * text is only these, and skips String.normalize, measured many times a document.
 */
const UNSURE = /[\u0300-\u1e9f\u1efa-\u2001\u2070-\uffff]/;
export const nfc = (text: string) => (UNSURE.test(text) ? text.normalize('NFC') : text);

/** Each byte as it stands in a literal string: parentheses and backslash escaped, and CR, which would be read as LF. */
const LITERAL_BYTE = Array.from({ length: 256 }, (_, b) => (b === 0x28 || b === 0x29 || b === 0x5c ? `\\${String.fromCharCode(b)}` : b === 0x0d ? '\\r' : String.fromCharCode(b)));

/** A document's font: its text is measured and encoded at once, the font written when the document is saved. */
export const subsetFont = (doc: PDFDocument, face: FontFace) => new SubsetFont(doc.context, face);

/** Six capitals naming the subset (PDF 32000-1, 9.6.4), from its glyphs, so one set always gets one name. */
function subsetTag(gids: number[]): string {
  let hash = 2166136261;
  for (const gid of gids) hash = Math.imul(hash ^ gid, 16777619) >>> 0;
  let tag = '';
  for (let i = 0; i < 6; i++, hash = Math.floor(hash / 26)) tag += String.fromCharCode(65 + (hash % 26));
  return tag;
}

const utf16Hex = (text: string) => Array.from({ length: text.length }, (_, i) => text.charCodeAt(i).toString(16).padStart(4, '0')).join('');

/** The ToUnicode CMap: each subset glyph back to its text; bfchar blocks hold at most 100 entries. */
function toUnicodeCMap(unicode: string[]): string {
  const entries = unicode.map((text, id) => (id === 0 ? '' : `<${id.toString(16).padStart(4, '0')}> <${utf16Hex(text)}>`)).filter(Boolean);
  const blocks: string[] = [];
  for (let i = 0; i < entries.length; i += 100) {
    const block = entries.slice(i, i + 100);
    blocks.push(`${block.length} beginbfchar\n${block.join('\n')}\nendbfchar`);
  }
  return `/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
/CMapName /Adobe-Identity-UCS def
/CMapType 2 def
1 begincodespacerange
<0000> <ffff>
endcodespacerange
${blocks.join('\n')}
endcmap
CMapName currentdict /CMap defineresource pop
end
end`;
}
