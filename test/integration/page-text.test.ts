import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { embedFonts, readFontFiles, savePdf } from '../../electron/print/fonts';
import { drawText } from '../../electron/print/page-text';
import { makeTempDir } from '../support/temp-dir';

const temp = makeTempDir('motcua-page-text-');
afterAll(temp.cleanup);

// 150 different letters: the glyph codes run past the bytes a literal string escapes
// (parentheses 40 and 41, backslash 92; also CR 13, which the standard reads as LF, though
// Poppler keeps it) and past 127.
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789()\\[]{}<>/%#!?.,;:'
  + 'ĂÂĐÊÔƠƯăâđêôơưÀÁẢÃẠẰẮẲẴẶẦẤẨẪẬÈÉẺẼẸỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌỒỐỔỖỘỜỚỞỠỢÙÚỦŨỤỪỨỬỮỰỲÝỶỸỴàáảãạằắẳẵặầấẩẫậ';

describe('page text as literal strings of glyph codes', () => {
  it('reads back, every character, once more than 127 glyphs are in use', async () => {
    expect(new Set(LETTERS).size).toBeGreaterThan(140);
    const doc = await PDFDocument.create();
    const fonts = embedFonts(doc, readFontFiles(join(__dirname, '..', '..', 'resources', 'fonts')));
    const page = doc.addPage([595, 842]);
    const lines = LETTERS.match(/.{1,30}/gu)!;
    lines.forEach((line, i) => drawText(page, line, { x: 40, y: 800 - 20 * i, size: 12, font: i % 2 ? fonts.bold : fonts.regular }));
    const file = join(temp.dir, 'letters.pdf');
    writeFileSync(file, await savePdf(doc, fonts));
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    // pdftotext ends the page with a form feed.
    expect(text.split('\n').filter((line) => line.trim())).toEqual(lines);
  });
});
