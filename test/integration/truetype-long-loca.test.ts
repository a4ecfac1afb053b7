import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import { PNG } from 'pngjs';
import { afterAll, describe, expect, it } from 'vitest';
import { FontFace } from '../../electron/print/font-face';
import { savePdf } from '../../electron/print/fonts';
import { drawText } from '../../electron/print/page-text';
import { readTableDirectory } from '../../electron/print/sfnt';
import { subsetFont } from '../../electron/print/subset-font';
import { GlyphSubset, SHORT_LOCA_LIMIT } from '../../electron/print/truetype-subset';
import { DISC_CENTRE, discFont, UNITS_PER_EM } from '../support/synthetic-font';
import { makeTempDir } from '../support/temp-dir';

const temp = makeTempDir('motcua-long-loca-');
afterAll(temp.cleanup);

// 26 discs of 1,100 points, about 5.5 KB each: 143 KB of outlines, past the 131,070 bytes a short loca indexes.
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const font = discFont(LETTERS.length, 1100);

const indexToLocFormat = (file: Uint8Array) => new DataView(file.buffer, file.byteOffset).getInt16(readTableDirectory(file).get('head')!.offset + 50);

describe('a TrueType subset whose outlines outgrow a short loca', () => {
  it('writes long offsets, and every glyph reads back as it was', () => {
    const face = new FontFace(font.data);
    const subset = new GlyphSubset(face);
    const ids = [...LETTERS].map((ch) => subset.add(face.glyph(ch.codePointAt(0)!).gid));
    const written = subset.encode();
    expect(readTableDirectory(written).get('glyf')!.length).toBeGreaterThan(SHORT_LOCA_LIMIT);
    expect(indexToLocFormat(written)).toBe(1);
    const [original, reread] = [fontkit.create(font.data), fontkit.create(written)];
    [...LETTERS].forEach((ch, i) => expect(reread.getGlyph(ids[i]!).path.toSVG(), ch).toBe(original.glyphForCodePoint(ch.codePointAt(0)!).path.toSVG()));
  });

  it('keeps short offsets while they reach', () => {
    const face = new FontFace(font.data);
    const subset = new GlyphSubset(face);
    for (const ch of 'ABC') subset.add(face.glyph(ch.codePointAt(0)!).gid);
    expect(indexToLocFormat(subset.encode())).toBe(0);
  });

  it('renders every letter in Poppler as its own disc, the last ones past the short limit too', async () => {
    const doc = await PDFDocument.create();
    const discs = subsetFont(doc, new FontFace(font.data));
    const page = doc.addPage([595, 842]);
    const [size, cell, columns] = [80, 90, 6];
    const cellOf = (i: number) => ({ left: 20 + cell * (i % columns), top: 20 + cell * Math.floor(i / columns) });
    [...LETTERS].forEach((ch, i) => drawText(page, ch, { x: cellOf(i).left, y: 842 - cellOf(i).top - cell + 10, size, font: discs }));
    const file = join(temp.dir, 'discs.pdf');
    writeFileSync(file, await savePdf(doc, { regular: discs, bold: subsetFont(doc, new FontFace(font.data)) }));

    expect(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s/g, '')).toBe(LETTERS);
    execFileSync('pdftoppm', ['-r', '72', '-gray', '-png', '-singlefile', file, join(temp.dir, 'discs')]);
    const png = PNG.sync.read(readFileSync(join(temp.dir, 'discs.png')));
    const scale = size / UNITS_PER_EM;
    [...LETTERS].forEach((ch, i) => {
      const { left, top } = cellOf(i);
      let ink = 0;
      for (let y = top; y < top + cell; y++) for (let x = left; x < left + cell; x++) if (png.data[4 * (y * png.width + x)]! < 128) ink++;
      const area = Math.PI * (font.radius(i) * scale) ** 2;
      expect(Math.abs(ink - area) / area, `${ch}: ${ink} dark pixels for a disc of ${area.toFixed(0)}`).toBeLessThan(0.1);
      // The disc sits where its outline puts it: its centre pixel is dark.
      const [cx, cy] = [Math.round(left + DISC_CENTRE.x * scale), Math.round(top + cell - 10 - DISC_CENTRE.y * scale)];
      expect(png.data[4 * (cy * png.width + cx)], ch).toBeLessThan(128);
    });
  });
});
