import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument, PDFFont } from 'pdf-lib';

export interface FontFiles {
  regular: Uint8Array;
  bold: Uint8Array;
}

export interface DocumentFonts {
  regular: PDFFont;
  bold: PDFFont;
}

/** Be Vietnam Pro: a whole TTF with every Vietnamese glyph (subset fonts of other families render blank). */
export function readFontFiles(fontsDir: string): FontFiles {
  return {
    regular: readFileSync(join(fontsDir, 'BeVietnamPro_400Regular.ttf')),
    bold: readFileSync(join(fontsDir, 'BeVietnamPro_700Bold.ttf')),
  };
}

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];
type ParsedFont = ReturnType<Fontkit['create']>;

/**
 * fontkit parses each font file once: a parsed font only gains glyph and layout caches, and every
 * document still gets its own subset, so the slips and dossiers after the first skip the parse.
 */
const parsed = new WeakMap<Uint8Array, ParsedFont>();
const parseOnce: Fontkit = {
  create(data, postscriptName) {
    if (postscriptName !== undefined) return fontkit.create(data, postscriptName);
    let font = parsed.get(data);
    if (!font) parsed.set(data, (font = fontkit.create(data)));
    return font;
  },
};

export async function embedFonts(doc: PDFDocument, files: FontFiles): Promise<DocumentFonts> {
  doc.registerFontkit(parseOnce);
  const [regular, bold] = await Promise.all([
    doc.embedFont(files.regular, { subset: true }),
    doc.embedFont(files.bold, { subset: true }),
  ]);
  return { regular, bold };
}
