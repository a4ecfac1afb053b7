import { existsSync, readFileSync } from 'node:fs';

/** A name as plain letters: no diacritics, đ → d, lower case (what a search index or a careless log keeps). */
export const foldedAscii = (text: string): string =>
  text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();

/**
 * Which of `texts` occur in the raw bytes of the SQLite file at `dbPath` and its -wal and -shm: each
 * as UTF-8 in NFC and in NFD, and folded to plain ASCII letters in any case. Returns what was found,
 * as `file: form "text"`, so an assertion names the leak.
 */
export function clearTextIn(dbPath: string, texts: readonly string[]): string[] {
  const found: string[] = [];
  for (const file of [dbPath, `${dbPath}-wal`, `${dbPath}-shm`].filter((f) => existsSync(f))) {
    const bytes = readFileSync(file);
    const lowerLatin1 = bytes.toString('latin1').toLowerCase();
    for (const text of texts) {
      const nfc = text.normalize('NFC');
      const nfd = text.normalize('NFD');
      if (bytes.includes(Buffer.from(nfc))) found.push(`${file}: "${nfc}"`);
      if (nfd !== nfc && bytes.includes(Buffer.from(nfd))) found.push(`${file}: NFD "${text}"`);
      if (foldedAscii(text) !== nfc && lowerLatin1.includes(foldedAscii(text))) found.push(`${file}: ASCII "${foldedAscii(text)}"`);
    }
  }
  return found;
}
