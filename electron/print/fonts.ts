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

export async function embedFonts(doc: PDFDocument, files: FontFiles): Promise<DocumentFonts> {
  doc.registerFontkit(fontkit);
  const [regular, bold] = await Promise.all([
    doc.embedFont(files.regular, { subset: true }),
    doc.embedFont(files.bold, { subset: true }),
  ]);
  return { regular, bold };
}
