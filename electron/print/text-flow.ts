import { rgb, type PDFPage, type RGB } from 'pdf-lib';
import { drawText } from './page-text';
import type { SubsetFont } from './subset-font';

/** A paragraph to set: wrapped to the column, then drawn top to bottom. */
export interface Paragraph {
  text: string;
  font: SubsetFont;
  size: number;
  color?: RGB;
  align?: 'left' | 'center';
  spaceAfter?: number;
}

const LEADING = 1.3;

/**
 * Greedy word wrap; a word longer than the column is broken by characters. Each word is measured
 * once and the line's width summed (widths add up: the fonts are set without kerning), rather
 * than the growing line measured again for every word.
 */
export function wrapText(text: string, font: SubsetFont, size: number, width: number): string[] {
  const space = font.widthOfTextAtSize(' ', size);
  const lines: string[] = [];
  let line = '';
  let lineWidth = 0;
  for (const word of text.split(/\s+/)) {
    if (!word) continue;
    const wordWidth = font.widthOfTextAtSize(word, size);
    if (line && lineWidth + space + wordWidth <= width) {
      line += ` ${word}`;
      lineWidth += space + wordWidth;
      continue;
    }
    if (line) lines.push(line);
    if (wordWidth <= width) {
      [line, lineWidth] = [word, wordWidth];
      continue;
    }
    [line, lineWidth] = ['', 0];
    for (const ch of word) {
      const chWidth = font.widthOfTextAtSize(ch, size);
      if (line && lineWidth + chWidth > width) {
        lines.push(line);
        [line, lineWidth] = ['', 0];
      }
      line += ch;
      lineWidth += chWidth;
    }
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

export interface SetParagraph extends Paragraph {
  lines: string[];
  height: number;
}

export function setParagraphs(paragraphs: Paragraph[], width: number): SetParagraph[] {
  return paragraphs.map((p) => {
    const lines = wrapText(p.text, p.font, p.size, width);
    return { ...p, lines, height: lines.length * p.size * LEADING + (p.spaceAfter ?? 0) };
  });
}

export const totalHeight = (set: SetParagraph[]) => set.reduce((h, p) => h + p.height, 0);

/** Draws set paragraphs from `top` down; returns the y below the last one. */
export function drawParagraphs(page: PDFPage, set: SetParagraph[], x: number, top: number, width: number): number {
  let y = top;
  for (const p of set) {
    for (const line of p.lines) {
      y -= p.size * LEADING;
      const lineWidth = p.font.widthOfTextAtSize(line, p.size);
      const lx = p.align === 'center' ? x + (width - lineWidth) / 2 : x;
      drawText(page, line, { x: lx, y: y + p.size * 0.25, size: p.size, font: p.font, color: p.color ?? rgb(0, 0, 0) });
    }
    y -= p.spaceAfter ?? 0;
  }
  return y;
}
