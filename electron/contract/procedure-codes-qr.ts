/**
 * The QR of a reminder slip: the procedure codes of its reminders and nothing personal, so the slip
 * can be left behind. Scanned at a kiosk, it opens those procedures in "Tra cứu thủ tục" (who
 * handles each, what to bring, fee, time limit, forms, online or not).
 */
export const PROCEDURES_QR_PREFIX = 'MOTCUA-TT:';
const CODE = /^[A-Za-z0-9][A-Za-z0-9.-]{0,63}$/;
export const MAX_QR_PROCEDURES = 10;

/** The QR text of these codes (repeats dropped, at most MAX_QR_PROCEDURES), or null when there is none. */
export function encodeProcedureCodes(codes: readonly string[]): string | null {
  const unique = [...new Set(codes)].filter((c) => CODE.test(c)).slice(0, MAX_QR_PROCEDURES);
  return unique.length === 0 ? null : `${PROCEDURES_QR_PREFIX}${unique.join(',')}`;
}

/** The codes a slip's QR carries, or null when the text is not such a QR. Never throws. */
export function decodeProcedureCodes(text: string): string[] | null {
  const trimmed = text.trim();
  if (!trimmed.startsWith(PROCEDURES_QR_PREFIX)) return null;
  const codes = trimmed.slice(PROCEDURES_QR_PREFIX.length).split(',');
  if (codes.length > MAX_QR_PROCEDURES || !codes.every((c) => CODE.test(c))) return null;
  return [...new Set(codes)];
}
