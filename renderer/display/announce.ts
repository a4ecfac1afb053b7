/**
 * What the display says when a number is called. The text on screen is "Mời số A015 đến quầy
 * số 3"; the voice reads the number letter by letter and digit by digit (as Vietnamese centres
 * announce it: a leading zero matters on the ticket), and the counter as a number in words.
 */

const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'] as const;

/** How a Vietnamese voice names each letter of a ticket's prefix. */
const LETTERS: Record<string, string> = {
  A: 'a', B: 'bê', C: 'xê', D: 'đê', E: 'e', F: 'ép', G: 'giê', H: 'hát', I: 'i', J: 'gi', K: 'ca', L: 'e-lờ', M: 'em-mờ',
  N: 'en-nờ', O: 'o', P: 'pê', Q: 'quy', R: 'e-rờ', S: 'ét-sì', T: 'tê', U: 'u', V: 'vê', W: 'vê kép', X: 'ích-xì', Y: 'i dài', Z: 'dét',
};

/** 0 … 999 in Vietnamese words: 15 mười lăm, 21 hai mươi mốt, 24 hai mươi tư, 105 một trăm linh năm. */
export function vietnameseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 999) throw new RangeError(`not 0…999: ${n}`);
  if (n < 10) return DIGITS[n]!;
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (hundreds > 0) {
    const head = `${DIGITS[hundreds]} trăm`;
    if (rest === 0) return head;
    return rest < 10 ? `${head} linh ${DIGITS[rest]}` : `${head} ${vietnameseNumber(rest)}`;
  }
  const tens = Math.floor(n / 10);
  const unit = n % 10;
  const head = tens === 1 ? 'mười' : `${DIGITS[tens]} mươi`;
  if (unit === 0) return head;
  if (unit === 5) return `${head} lăm`;
  if (unit === 1 && tens > 1) return `${head} mốt`;
  if (unit === 4 && tens > 1) return `${head} tư`;
  return `${head} ${DIGITS[unit]}`;
}

/** A ticket number for the voice: A015 → "a, không, một, năm"; K2-017 → "ca, hai, gạch, không, một, bảy". */
export function spokenTicket(number: string): string {
  return [...number.toUpperCase()]
    .map((c) => (/\d/.test(c) ? DIGITS[Number(c)] : c === '-' ? 'gạch' : (LETTERS[c] ?? c)))
    .join(', ');
}

export interface Announcement {
  /** Shown on the board: "Mời số A015 đến quầy số 3". */
  text: string;
  /** English under it. */
  en: string;
  /** Given to the Vietnamese voice. */
  spoken: string;
}

export function announcement(number: string, counter: string): Announcement {
  const counterNumber = Number(counter);
  const counterWords = Number.isInteger(counterNumber) && counterNumber >= 0 && counterNumber <= 999 ? vietnameseNumber(counterNumber) : counter;
  return {
    text: `Mời số ${number} đến quầy số ${counter}`,
    en: `Number ${number}, please go to counter ${counter}`,
    spoken: `Mời số ${spokenTicket(number)}, đến quầy số ${counterWords}`,
  };
}
