import { PDFName, rgb, type PDFDocument, type PDFPage, type RGB } from 'pdf-lib';
import { flate } from './flate-stream';
import type { SubsetFont } from './subset-font';

export interface TextRun {
  x: number;
  y: number;
  size: number;
  font: SubsetFont;
  /** Black when not given. */
  color?: RGB;
}

/** A page's text as content-stream operators, written once at save. */
interface PageText {
  ops: string[];
  fonts: Map<SubsetFont, string>;
  font?: SubsetFont;
  size?: number;
  color?: string;
  /** Where the last line started, in hundredths of a point. */
  x: number;
  y: number;
}

const BLACK = rgb(0, 0, 0);

const pages = new WeakMap<PDFPage, PageText>();

/** Positions in hundredths of a point: finer than any printer, and short numbers. */
const hundredths = (v: number) => Math.round(v * 100);
const num = (v: number) => String(hundredths(v) / 100);

const colorOp = ({ red, green, blue }: RGB) => (red === green && green === blue ? `${num(red)} g` : `${num(red)} ${num(green)} ${num(blue)} rg`);

/**
 * Draws a line of text. Instead of pdf-lib's drawText (a dozen operators a line, the font and its
 * colour set again each time under a new random resource name), a page's text is one text object:
 * the font, size and colour only when they change, each line placed by the move from the last.
 * The text is written after the page's other drawing (savePdf), so it lies on top of shading.
 */
export function drawText(page: PDFPage, text: string, run: TextRun): void {
  let state = pages.get(page);
  if (!state) pages.set(page, (state = { ops: [], fonts: new Map(), x: 0, y: 0 }));
  if (run.font !== state.font || run.size !== state.size) {
    let key = state.fonts.get(run.font);
    if (!key) {
      key = `F${state.fonts.size + 1}`;
      state.fonts.set(run.font, key);
      page.node.setFontDictionary(PDFName.of(key), run.font.ref);
    }
    state.ops.push(`/${key} ${num(run.size)} Tf`);
    state.font = run.font;
    state.size = run.size;
  }
  const color = colorOp(run.color ?? BLACK);
  if (color !== state.color) state.ops.push((state.color = color));
  const [x, y] = [hundredths(run.x), hundredths(run.y)];
  state.ops.push(`${(x - state.x) / 100} ${(y - state.y) / 100} Td ${run.font.encodeLiteral(text)} Tj`);
  state.x = x;
  state.y = y;
}

/** Adds each page's text object as the last of its content streams. */
export function writePageText(doc: PDFDocument): void {
  for (const page of doc.getPages()) {
    const state = pages.get(page);
    if (state) page.node.addContentStream(doc.context.register(flate(doc.context, Buffer.from(`BT\n${state.ops.join('\n')}\nET`, 'latin1'))));
  }
}
