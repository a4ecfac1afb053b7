import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFContentStream, PDFRef, type PDFDocument } from 'pdf-lib';
import { fontFace } from './font-face';
import { writePageText } from './page-text';
import { flate } from './flate-stream';
import { writePdf } from './pdf-writer';
import { subsetFont, type SubsetFont } from './subset-font';

export interface FontFiles {
  regular: Uint8Array;
  bold: Uint8Array;
}

export interface DocumentFonts {
  regular: SubsetFont;
  bold: SubsetFont;
}

/** Be Vietnam Pro: a whole TTF with every Vietnamese glyph (subset fonts of other families render blank). */
export function readFontFiles(fontsDir: string): FontFiles {
  return {
    regular: readFileSync(join(fontsDir, 'BeVietnamPro_400Regular.ttf')),
    bold: readFileSync(join(fontsDir, 'BeVietnamPro_700Bold.ttf')),
  };
}

/**
 * The document's two fonts, each a subset of the glyphs it draws (subset-font.ts). They are ours,
 * not pdf-lib's (doc.embedFont), so savePdf writes them.
 */
export function embedFonts(doc: PDFDocument, files: FontFiles): DocumentFonts {
  return { regular: subsetFont(doc, fontFace(files.regular)), bold: subsetFont(doc, fontFace(files.bold)) };
}

/**
 * Writes the pages' text, embeds the fonts, compresses the pages' content with Node's zlib (pdf-lib would use pako, a
 * few times slower) and writes the file (pdf-writer.ts).
 */
export async function savePdf(doc: PDFDocument, fonts: DocumentFonts): Promise<Uint8Array> {
  writePageText(doc);
  fonts.regular.embed();
  fonts.bold.embed();
  const { context } = doc;
  for (const page of doc.getPages()) {
    for (const ref of page.node.normalizedEntries().Contents?.asArray() ?? []) {
      if (!(ref instanceof PDFRef)) continue;
      const stream = context.lookup(ref);
      if (stream instanceof PDFContentStream) context.assign(ref, flate(context, stream.getUnencodedContents()));
    }
  }
  await doc.flush();
  return writePdf(context);
}
