import fontkit from '@pdf-lib/fontkit';
import fc from 'fast-check';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFontFiles } from '../../electron/print/fonts';
import { readTableDirectory, writeSfnt } from '../../electron/print/sfnt';

const { regular } = readFontFiles(join(__dirname, '..', '..', 'resources', 'fonts'));

describe('the sfnt table directory', () => {
  it('finds the tables fontkit draws from: the cmap gives the same glyph as the whole font', () => {
    const tables = readTableDirectory(regular);
    expect([...tables.keys()]).toEqual(expect.arrayContaining(['cmap', 'glyf', 'head', 'hhea', 'hmtx', 'loca', 'maxp', 'name', 'post']));
    const head = tables.get('head')!;
    // The head table starts with version 1.0 and holds the magic number at 12.
    expect(Buffer.from(regular.subarray(head.offset + 12, head.offset + 16)).toString('hex')).toBe('5f0f3cf5');
    const maxp = tables.get('maxp')!;
    expect(Buffer.from(regular).readUInt16BE(maxp.offset + 4)).toBe(fontkit.create(regular).numGlyphs);
  });

  it('reads back what it writes, and the checksum adjustment makes the file sum to 0xB1B0AFBA', () => {
    const head = new Uint8Array(54);
    const file = writeSfnt({ head, 'OS/2': new Uint8Array([1, 2, 3]), glyf: new Uint8Array(5) });
    const tables = readTableDirectory(file);
    expect([...tables.entries()].map(([tag, t]) => [tag, t.length])).toEqual([['OS/2', 3], ['glyf', 5], ['head', 54]]);
    const view = new DataView(file.buffer);
    let sum = 0;
    for (let i = 0; i < file.length; i += 4) sum = (sum + view.getUint32(i)) >>> 0;
    expect(sum).toBe(0xb1b0afba);
  });

  it('refuses what is not a font, or a table past the end of the file, with its own error', () => {
    expect(() => readTableDirectory(new TextEncoder().encode('%PDF-1.7 not a font'))).toThrow('not a TrueType or OpenType font');
    expect(() => readTableDirectory(regular.subarray(0, regular.length - 1000))).toThrow('past the end of the file');
    expect(() => readTableDirectory(regular.subarray(0, 20))).toThrow('cut short');
  });

  it('on any bytes, returns tables inside the file or throws an Error, never a RangeError', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.boolean(), (bytes, asFont) => {
        // Half the time a TrueType header with a few tables, so records are read, not only refused.
        if (asFont && bytes.length >= 6) bytes.set([0, 1, 0, 0, 0, bytes[5]! % 12]);
        try {
          for (const t of readTableDirectory(bytes).values()) expect(t.offset + t.length).toBeLessThanOrEqual(bytes.length);
        } catch (error) {
          expect((error as Error).message).toMatch(/^sfnt: /);
        }
      }),
    );
  });
});
