import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drawNationalHeading } from '../../electron/print/national-heading';
import { renderDossierPdf } from '../../electron/print/dossier-pdf';
import { embedFonts, readFontFiles } from '../../electron/print/fonts';
import { prefillDraft, requestCorrection } from '../../electron/proactive/dossier';
import { decodeHandoff, encodeHandoff, exportPublicKeyPem, HANDOFF_MAX_TEXT, HANDOFF_PREFIX, trustedKeys } from '../../electron/security/device-signing';
import { bundledTemplate, CARD, CENTRAL, ENTERED_CHILD } from '../fixtures/dossier/citizen';
import { newDeviceKey } from '../fixtures/dossier/device-key';
import { scanPdfQr } from '../support/scan-pdf-qr';
import { PDFDocument } from 'pdf-lib';
import { isoDate } from '../../electron/base/calendar-date';

const fonts = readFontFiles(join(__dirname, '..', '..', 'resources', 'fonts'));
const key = newDeviceKey();
const trusted = trustedKeys([exportPublicKeyPem(key)]);
const template = bundledTemplate('birth-registration');
const prefilled = prefillDraft(template, { central: CENTRAL, card: CARD, entered: ENTERED_CHILD }, { id: 'draft-7f3c' }).draft;
const corrected = requestCorrection(prefilled, 'applicant.residence', 'Số 5 phố Huế, Hà Nội', 'Đã chuyển nơi ở');
if (!corrected.ok) throw new Error('correction refused');
const draft = corrected.draft;
const handoff = encodeHandoff(draft, key);

let dir: string;
let pdf: Uint8Array;
let pages: number;
let text: string;
/** What the QR of the rendered page read: decoding a page is slow, so once. */
let scanned: string | null = null;
/** Rendering and searching a page for a QR takes seconds on a busy machine. */
const QR_TIMEOUT = 30_000;

/** The QR code found on a page rendered as a counter's scanner would see it (150 dpi), or as a printer would (300 dpi). */
const qrOnPage = (page: number, dpi = 150) => scanPdfQr(join(dir, 'dossier.pdf'), { page, dpi });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'motcua-dossier-'));
  ({ pdf, pages } = await renderDossierPdf({ template, draft, handoff: handoff.text, fonts, date: isoDate('2026-11-23'), place: 'Hà Nội' }));
  writeFileSync(join(dir, 'dossier.pdf'), pdf);
  text = execFileSync('pdftotext', ['-layout', join(dir, 'dossier.pdf'), '-'], { encoding: 'utf8' });
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the dossier PDF', () => {
  it('is a two-page A4 document of at most 150 KB', () => {
    expect(pages).toBe(2);
    expect(pdf.length).toBeLessThanOrEqual(150 * 1024);
  });

  it('has the national heading, the title and numbered pages, as extractable text', () => {
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(text).toContain('TỜ KHAI ĐĂNG KÝ KHAI SINH');
    expect(text).toContain('Trang 1/2');
    expect(text).toContain('Trang 2/2');
  });

  it('prints the values with their diacritics and their source, in the form’s order', () => {
    const values = ['Nguyễn Thị Hồng Nhung', 'Trần Minh Khôi', '01/11/2026', 'Bệnh viện Phụ sản Hà Nội', 'Trần Đức Mạnh'];
    const positions = values.map((v) => text.indexOf(v));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(text).toMatch(/Nguyễn Thị Hồng Nhung \[QG\]/);
    expect(text).toMatch(/Trần Minh Khôi \[KB\]/);
  });

  it('lists the attachments, the correction requested, and the signer', () => {
    expect(text).toContain('Giấy chứng sinh');
    expect(text).toContain('Số 5 phố Huế, Hà Nội (Đã chuyển nơi ở)');
    expect(text).toContain('Hà Nội, ngày 23 tháng 11 năm 2026');
    expect(text).toMatch(/NGƯỜI YÊU CẦU\s+\(Ký, ghi rõ họ, chữ đệm, tên\)\s+Applicant: signature and full name\s+Nguyễn Thị Hồng Nhung/);
  });

  it('carries the signed draft in a QR that reads back from the rendered page', () => {
    expect(handoff.kind).toBe('draft');
    scanned = qrOnPage(pages);
    expect(scanned).toBe(handoff.text);
    expect(qrOnPage(pages, 300)).toBe(handoff.text);
    const decoded = decodeHandoff(scanned!, trusted);
    expect(decoded.ok && decoded.handoff.kind === 'draft' && decoded.handoff.draft.fields['applicant.fullName']?.value).toBe('Nguyễn Thị Hồng Nhung');
    expect(decoded.ok && decoded.handoff.kind === 'draft' && decoded.handoff.draft.corrections).toEqual(draft.corrections);
  }, QR_TIMEOUT);

  it('refuses the scanned payload once tampered with', () => {
    const bytes = Buffer.from(scanned!.slice(HANDOFF_PREFIX.length), 'base64url');
    bytes[20]! ^= 0x01;
    expect(decodeHandoff(HANDOFF_PREFIX + bytes.toString('base64url'), trusted)).toEqual({ ok: false, code: 'HANDOFF_BAD_SIGNATURE' });
  });
});

describe('the largest hand-off one QR carries', () => {
  it('still reads back from a page rendered at 150 dpi', async () => {
    // Incompressible text in an open field, as long as the QR limit allows.
    const noise = (n: number) => Array.from({ length: n }, (_, i) => 'ăâđêôơưbcdghklmnpqrstvx'[(i * 7919) % 23]! + ((i * 104729) % 97)).join('').slice(0, n);
    const withNoise = (n: number) => ({ ...draft, fields: { ...draft.fields, 'child.placeOfOrigin': { ...draft.fields['child.placeOfOrigin']!, value: noise(n) } } });
    let n = 0;
    while (n < 300 && encodeHandoff(withNoise(n + 10), key).kind === 'draft') n += 10;
    const largest = encodeHandoff(withNoise(n), key);
    expect(largest.text.length).toBeGreaterThan(HANDOFF_MAX_TEXT - 60);
    const rendered = await renderDossierPdf({ template, draft: withNoise(n), handoff: largest.text, fonts, date: isoDate('2026-11-23') });
    writeFileSync(join(dir, 'dossier.pdf'), rendered.pdf);
    expect(qrOnPage(rendered.pages)).toBe(largest.text);
  }, QR_TIMEOUT);
});

describe('the national heading', () => {
  it('returns the y below its rule, for other documents to continue from', async () => {
    const doc = await PDFDocument.create();
    const page = doc.addPage([595, 842]);
    const below = drawNationalHeading(page, embedFonts(doc, fonts), { left: 70, width: 480, top: 800 });
    expect(below).toBeLessThan(800 - 25);
    expect(below).toBeGreaterThan(800 - 60);
  });
});
