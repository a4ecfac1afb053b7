const WEIGHTS = [7, 3, 1] as const;

function characterValue(ch: string): number {
  if (ch === '<') return 0;
  if (ch >= '0' && ch <= '9') return ch.charCodeAt(0) - 48;
  if (ch >= 'A' && ch <= 'Z') return ch.charCodeAt(0) - 55;
  return Number.NaN;
}

/** ICAO Doc 9303 Part 3 §4.9: weights 7-3-1, '<' = 0, A–Z = 10–35; NaN for any other character. */
export function icaoCheckDigit(field: string): number {
  let sum = 0;
  for (let i = 0; i < field.length; i++) sum += characterValue(field[i]!) * WEIGHTS[i % 3]!;
  return sum % 10;
}

export function checkDigitMatches(field: string, digit: string): boolean {
  return /^[0-9]$/.test(digit) && icaoCheckDigit(field) === Number(digit);
}
