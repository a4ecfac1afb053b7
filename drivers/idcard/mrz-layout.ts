/** A field as Doc 9303 prints it: line number and character positions, 1-based and inclusive. */
export interface Span {
  line: number;
  from: number;
  to: number;
}

type MrzFormat = 'TD1' | 'TD2' | 'TD3';

export interface MrzLayout {
  format: MrzFormat;
  lineCount: number;
  lineLength: number;
  documentCode: Span;
  issuingState: Span;
  name: Span;
  documentNumber: Span;
  documentNumberCheck: Span;
  nationality: Span;
  birthDate: Span;
  birthDateCheck: Span;
  sex: Span;
  expiryDate: Span;
  expiryDateCheck: Span;
  optionalData: readonly Span[];
  /** TD3 only: the check digit over the optional data (the holder's personal number). */
  optionalDataCheck?: Span;
  composite: Span;
  compositeCovers: readonly Span[];
  /** TD1 and TD2: a document number over 9 characters continues in the first optional data field. */
  documentNumberMayOverflow: boolean;
}

const at = (line: number, from: number, to = from): Span => ({ line, from, to });

/** Doc 9303 Part 5, §4.2.2. */
const TD1: MrzLayout = {
  format: 'TD1',
  lineCount: 3,
  lineLength: 30,
  documentCode: at(1, 1, 2),
  issuingState: at(1, 3, 5),
  documentNumber: at(1, 6, 14),
  documentNumberCheck: at(1, 15),
  birthDate: at(2, 1, 6),
  birthDateCheck: at(2, 7),
  sex: at(2, 8),
  expiryDate: at(2, 9, 14),
  expiryDateCheck: at(2, 15),
  nationality: at(2, 16, 18),
  optionalData: [at(1, 16, 30), at(2, 19, 29)],
  composite: at(2, 30),
  compositeCovers: [at(1, 6, 30), at(2, 1, 7), at(2, 9, 15), at(2, 19, 29)],
  name: at(3, 1, 30),
  documentNumberMayOverflow: true,
};

/** TD2 (Part 6, §4.2.2) and TD3 (Part 4, §4.2.2) share their second line up to the optional data. */
function twoLineLayout(format: 'TD2' | 'TD3', lineLength: number): MrzLayout {
  const optionalEnd = format === 'TD2' ? 35 : 42;
  const compositeEnd = format === 'TD2' ? 35 : 43;
  return {
    format,
    lineCount: 2,
    lineLength,
    documentCode: at(1, 1, 2),
    issuingState: at(1, 3, 5),
    name: at(1, 6, lineLength),
    documentNumber: at(2, 1, 9),
    documentNumberCheck: at(2, 10),
    nationality: at(2, 11, 13),
    birthDate: at(2, 14, 19),
    birthDateCheck: at(2, 20),
    sex: at(2, 21),
    expiryDate: at(2, 22, 27),
    expiryDateCheck: at(2, 28),
    optionalData: [at(2, 29, optionalEnd)],
    ...(format === 'TD3' ? { optionalDataCheck: at(2, 43) } : {}),
    composite: at(2, lineLength),
    compositeCovers: [at(2, 1, 10), at(2, 14, 20), at(2, 22, compositeEnd)],
    documentNumberMayOverflow: format === 'TD2',
  };
}

const LAYOUTS: readonly MrzLayout[] = [TD1, twoLineLayout('TD2', 36), twoLineLayout('TD3', 44)];

export function read(lines: readonly string[], span: Span): string {
  return (lines[span.line - 1] ?? '').slice(span.from - 1, span.to);
}

/** The non-blank lines of a scan, trimmed: readers end lines with CR, LF or both, and pad with spaces. */
export function mrzLines(text: string): string[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

export function layoutFor(lines: readonly string[]): MrzLayout | undefined {
  return LAYOUTS.find((layout) => lines.length === layout.lineCount && lines.every((line) => line.length === layout.lineLength));
}

/** Lengths of the three formats, for telling an MRZ from other scans before it is parsed. */
export const MRZ_LINE_LENGTHS: readonly number[] = LAYOUTS.map((layout) => layout.lineLength);
