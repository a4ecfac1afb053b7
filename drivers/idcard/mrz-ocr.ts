import type { Warning } from './identity';
import type { Span } from './mrz-layout';

/** Letters OCR returns for the digits they resemble; undone only where a digit is the only valid reading. */
const DIGIT_FOR_LETTER: Readonly<Record<string, string>> = { O: '0', I: '1', Z: '2', S: '5', B: '8' };

/** Replaces look-alike letters by digits inside the given numeric spans, reporting each replacement. */
export function correctDigits(lines: readonly string[], numericSpans: readonly Span[]): { lines: string[]; warnings: Warning[] } {
  const chars = lines.map((line) => [...line]);
  const warnings: Warning[] = [];
  for (const span of numericSpans) {
    const line = chars[span.line - 1] ?? [];
    for (let col = span.from; col <= span.to; col++) {
      const letter = line[col - 1] ?? '';
      const digit = DIGIT_FOR_LETTER[letter];
      if (digit === undefined) continue;
      line[col - 1] = digit;
      warnings.push({ code: 'ocr-corrected', detail: `line ${span.line} col ${col}: ${letter}→${digit}` });
    }
  }
  return { lines: chars.map((line) => line.join('')), warnings };
}
