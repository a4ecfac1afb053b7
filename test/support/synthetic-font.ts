import { writeSfnt } from '../../electron/print/sfnt';

/** What a synthetic font's letter draws: a disc of `radius` font units around (500, 350), 1000 units to the em. */
export const DISC_CENTRE = { x: 500, y: 350 };
export const UNITS_PER_EM = 1000;

/**
 * A TrueType font whose letters A, B, … are discs, the n-th of radius 150 + 10n, each outline a
 * polygon of `points` on-curve points (5 bytes a point): heavy glyphs, so that a few of them
 * outgrow what a short loca can index. Only the tables fontkit and a PDF viewer need.
 */
export function discFont(letters: number, points: number): { data: Uint8Array; radius: (letter: number) => number } {
  const radius = (letter: number) => 150 + 10 * letter;
  const glyphs = [new Uint8Array(0), ...Array.from({ length: letters }, (_, n) => disc(radius(n), points))];
  const loca = new DataView(new ArrayBuffer(4 * (glyphs.length + 1)));
  let offset = 0;
  glyphs.forEach((g, i) => {
    loca.setUint32(4 * i, offset);
    offset += g.length;
  });
  loca.setUint32(4 * glyphs.length, offset);
  const glyf = new Uint8Array(offset);
  glyphs.reduce((at, g) => (glyf.set(g, at), at + g.length), 0);
  // Each left side bearing is the outline's xMin, which renderers draw at the bearing from the origin.
  const hmtx = table(4 * glyphs.length, (v) =>
    glyphs.forEach((_, i) => {
      v.setUint16(4 * i, UNITS_PER_EM);
      if (i > 0) v.setInt16(4 * i + 2, DISC_CENTRE.x - radius(i - 1));
    }),
  );
  const head = table(54, (v) => {
    v.setUint32(0, 0x00010000);
    v.setUint32(12, 0x5f0f3cf5); // magicNumber
    v.setUint16(18, UNITS_PER_EM);
    v.setInt16(40, UNITS_PER_EM); // xMax
    v.setInt16(42, UNITS_PER_EM); // yMax
    v.setInt16(50, 1); // indexToLocFormat: long
  });
  const hhea = table(36, (v) => {
    v.setUint32(0, 0x00010000);
    v.setInt16(4, 800); // ascender
    v.setInt16(6, -200); // descender
    v.setUint16(10, UNITS_PER_EM); // advanceWidthMax
    v.setInt16(18, 1); // caretSlopeRise
    v.setUint16(34, glyphs.length); // numberOfHMetrics
  });
  const maxp = table(32, (v) => {
    v.setUint32(0, 0x00010000);
    v.setUint16(4, glyphs.length);
    v.setUint16(6, points); // maxPoints
    v.setUint16(8, 1); // maxContours
    v.setUint16(14, 2); // maxZones
  });
  const post = table(32, (v) => v.setUint32(0, 0x00030000));
  const data = writeSfnt({ cmap: cmap(letters), glyf, head, hhea, hmtx, loca: new Uint8Array(loca.buffer), maxp, name: postScriptName('DiscTest'), post });
  return { data, radius };
}

function table(length: number, fill: (view: DataView) => void): Uint8Array {
  const bytes = new Uint8Array(length);
  fill(new DataView(bytes.buffer));
  return bytes;
}

/** A simple glyph of one contour: the disc as a polygon, coordinates as 16-bit deltas. */
function disc(radius: number, points: number): Uint8Array {
  const xs = Array.from({ length: points }, (_, k) => Math.round(DISC_CENTRE.x + radius * Math.cos((2 * Math.PI * k) / points)));
  const ys = Array.from({ length: points }, (_, k) => Math.round(DISC_CENTRE.y + radius * Math.sin((2 * Math.PI * k) / points)));
  return table(14 + 5 * points, (v) => {
    v.setInt16(0, 1); // numberOfContours
    v.setInt16(2, DISC_CENTRE.x - radius);
    v.setInt16(4, DISC_CENTRE.y - radius);
    v.setInt16(6, DISC_CENTRE.x + radius);
    v.setInt16(8, DISC_CENTRE.y + radius);
    v.setUint16(10, points - 1); // endPtsOfContours
    v.setUint16(12, 0); // instructionLength
    for (let k = 0; k < points; k++) v.setUint8(14 + k, 1); // on curve, x and y as words
    const at = 14 + points;
    for (let k = 0; k < points; k++) {
      v.setInt16(at + 2 * k, xs[k]! - (k ? xs[k - 1]! : 0));
      v.setInt16(at + 2 * points + 2 * k, ys[k]! - (k ? ys[k - 1]! : 0));
    }
  });
}

/** A name table with only the PostScript name (ID 6), for Windows in UTF-16BE. */
function postScriptName(text: string): Uint8Array {
  return table(18 + 2 * text.length, (v) => {
    v.setUint16(2, 1); // count
    v.setUint16(4, 18); // storage offset
    v.setUint16(6, 3); // platform: Windows
    v.setUint16(8, 1); // encoding: Unicode BMP
    v.setUint16(10, 0x409); // language: English (US)
    v.setUint16(12, 6); // nameID: PostScript name
    v.setUint16(14, 2 * text.length);
    for (let i = 0; i < text.length; i++) v.setUint16(18 + 2 * i, text.charCodeAt(i));
  });
}

/** A Windows Unicode cmap of format 4: letters from A to glyphs from 1, then the closing segment. */
function cmap(letters: number): Uint8Array {
  const A = 0x41;
  return table(12 + 32, (v) => {
    v.setUint16(2, 1); // numTables
    v.setUint16(4, 3); // platform: Windows
    v.setUint16(6, 1); // encoding: Unicode BMP
    v.setUint32(8, 12);
    const s = 12;
    v.setUint16(s, 4); // format
    v.setUint16(s + 2, 32); // length
    v.setUint16(s + 6, 4); // segCountX2
    v.setUint16(s + 8, 4); // searchRange
    v.setUint16(s + 10, 1); // entrySelector
    v.setUint16(s + 12, 0); // rangeShift
    v.setUint16(s + 14, A + letters - 1); // endCode
    v.setUint16(s + 16, 0xffff);
    v.setUint16(s + 20, A); // startCode (after reservedPad)
    v.setUint16(s + 22, 0xffff);
    v.setUint16(s + 24, (1 - A) & 0xffff); // idDelta
    v.setUint16(s + 26, 1);
    // idRangeOffset: both 0
  });
}
