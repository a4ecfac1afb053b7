import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { renderDossierPdf } from '../../electron/print/dossier-pdf';
import { readFontFiles } from '../../electron/print/fonts';
import { prefillDraft } from '../../electron/proactive/dossier';
import { encodeHandoff } from '../../electron/security/device-signing';
import { bundledTemplate, CARD, CENTRAL, ENTERED_CHILD } from '../fixtures/dossier/citizen';
import { newDeviceKey } from '../fixtures/dossier/device-key';
import { makeTempDir } from '../support/temp-dir';
import { isoDate } from '../../electron/base/calendar-date';

const temp = makeTempDir('motcua-pdf-writer-');
afterAll(temp.cleanup);

const template = bundledTemplate('birth-registration');
const draft = prefillDraft(template, { central: CENTRAL, card: CARD, entered: ENTERED_CHILD }, { id: 'draft-writer' }).draft;
const fonts = readFontFiles(join(__dirname, '..', '..', 'resources', 'fonts'));
const rendered = renderDossierPdf({ template, draft, handoff: encodeHandoff(draft, newDeviceKey()).text, fonts, date: isoDate('2026-11-23'), place: 'Hà Nội' });

/** The cross-reference stream the file ends with, read by hand: each entry as [type, field 2, field 3]. */
function xrefEntries(pdf: Uint8Array): { entries: [number, number, number][]; dict: string } {
  const text = Buffer.from(pdf).toString('latin1');
  const start = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)![1]);
  const head = /^\d+ 0 obj\n(<<.*?>>)\nstream\n/s.exec(text.slice(start))!;
  const length = Number(/\/Length (\d+)/.exec(head[1]!)![1]);
  const from = start + head[0].length;
  const table = inflateSync(pdf.subarray(from, from + length));
  const entries: [number, number, number][] = [];
  for (let i = 0; i < table.length; i += 7) entries.push([table[i]!, table.readUInt32BE(i + 1), table.readUInt16BE(i + 5)]);
  return { entries, dict: head[1]! };
}

describe('the compact PDF writer', () => {
  it('points every cross-reference entry at its object, and puts the rest in the object stream', async () => {
    const { pdf } = await rendered;
    const text = Buffer.from(pdf).toString('latin1');
    const { entries, dict } = xrefEntries(pdf);
    expect(dict).toMatch(/\/Type\/XRef/);
    expect(dict).toMatch(/\/Root \d+ 0 R/);
    expect(entries[0]).toEqual([0, 0, 0xffff]);
    const inStreams = entries.filter(([type]) => type === 2);
    expect(inStreams.length).toBeGreaterThan(5);
    entries.forEach(([type, at], number) => {
      if (type === 1) expect(text.slice(at, at + 12), `object ${number}`).toMatch(new RegExp(`^${number} 0 obj\\n`));
    });
    // Every object in an object stream names a stream that is there.
    for (const [, stream] of inStreams) expect(entries[stream]![0]).toBe(1);
  });

  it('is read back whole by pdf-lib and by Poppler, with no complaint', async () => {
    const { pdf, pages } = await rendered;
    const doc = await PDFDocument.load(pdf);
    expect(doc.getPageCount()).toBe(pages);
    expect(doc.getTitle()).toBe('TỜ KHAI ĐĂNG KÝ KHAI SINH / Birth registration declaration');
    const image = doc.context.enumerateIndirectObjects().find(([, o]) => o instanceof PDFRawStream && o.dict.get(PDFName.of('Subtype'))?.toString() === '/Image');
    expect(image).toBeDefined();
    const file = join(temp.dir, 'dossier.pdf');
    writeFileSync(file, pdf);
    // pdfinfo writes "Syntax Error" lines to stderr when the file needs repairing.
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(info).toMatch(new RegExp(`Pages:\\s+${pages}`));
    const stderr = execFileSync('sh', ['-c', 'pdftotext "$1" /dev/null 2>&1; pdftoppm -r 20 -png "$1" "$1-page" 2>&1', 'sh', file], { encoding: 'utf8' });
    expect(stderr).toBe('');
  });
});
