import { join } from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { describe, expect, it } from 'vitest';
import { fontFace } from '../../electron/print/font-face';
import { readFontFiles } from '../../electron/print/fonts';
import { readTableDirectory } from '../../electron/print/sfnt';
import { GlyphSubset } from '../../electron/print/truetype-subset';

const files = readFontFiles(join(__dirname, '..', '..', 'resources', 'fonts'));
const TEXT = 'Nguyễn Thị Hồng Nhung, Đắk Lắk: ỹ ự ẵ Ơ ử 0123';

describe('the TrueType subset of a document’s glyphs', () => {
  for (const [weight, data] of Object.entries(files)) {
    it(`keeps every outline and advance of ${weight}, without the hinting`, () => {
      const pristine = Buffer.from(data);
      const face = fontFace(data);
      const subset = new GlyphSubset(face);
      const chars = [...new Set(TEXT)];
      const ids = chars.map((ch) => subset.add(face.glyph(ch.codePointAt(0)!).gid));
      const written = subset.encode();
      const original = fontkit.create(data);
      const reread = fontkit.create(written);

      expect(reread.numGlyphs).toBe(chars.length + 1);
      expect(written.length).toBeLessThan(data.length / 10);
      chars.forEach((ch, i) => {
        const before = original.glyphForCodePoint(ch.codePointAt(0)!);
        const after = reread.getGlyph(ids[i]!);
        expect(after.advanceWidth, ch).toBe(before.advanceWidth);
        expect(after.path.toSVG(), ch).toBe(before.path.toSVG());
      });
      const tables = [...readTableDirectory(written).keys()].sort();
      expect(tables).toEqual(['glyf', 'head', 'hhea', 'hmtx', 'loca', 'maxp']);
      expect(Buffer.compare(pristine, data), 'the font file is left as read').toBe(0);
    });
  }

  it('numbers glyphs in order of first use, .notdef first, each once', () => {
    const face = fontFace(files.regular);
    const subset = new GlyphSubset(face);
    const a = face.glyph('a'.codePointAt(0)!).gid;
    expect([subset.add(a), subset.add(face.glyph('ễ'.codePointAt(0)!).gid), subset.add(a)]).toEqual([1, 2, 1]);
    expect(subset.gids[0]).toBe(0);
  });
});
