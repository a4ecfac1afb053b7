// The dossier PDF made by pdf-lib against the same dossier as HTML printed by Debian's Chromium
// (page.pdf: the engine behind Electron's webContents.printToPDF), in the same run: time per
// document and file size. Goal: ≥ 10× faster and ≤ ⅓ of the size. Time is CPU time
// (ours: this process; Chromium's: its processes, which Playwright launches as our children),
// as the machines are shared; wall time is shown beside it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import QRCode from 'qrcode';
import { PROVENANCE, templateFields, type FormTemplate, type DossierDraft } from '../../electron/contract/forms';
import { renderDossierPdf } from '../../electron/print/dossier-pdf';
import { readFontFiles } from '../../electron/print/fonts';
import { prefillDraft } from '../../electron/proactive/dossier';
import { encodeHandoff } from '../../electron/security/device-signing';
import { bundledTemplate, CARD, CENTRAL, ENTERED_CHILD } from '../fixtures/dossier/citizen';
import { newDeviceKey } from '../fixtures/dossier/device-key';
import { descendantsCpuMs, ownCpuMs, timePerCall } from './process-cpu';
import { addSummary } from './summary';
import { isoDate } from '../../electron/base/calendar-date';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** The same content as the pdf-lib dossier, laid out in HTML with the same font. */
async function dossierHtml(template: FormTemplate, draft: DossierDraft, handoff: string, fontsDir: string): Promise<string> {
  const font = (file: string) => readFileSync(join(fontsDir, file)).toString('base64');
  const qr = await QRCode.toDataURL(handoff, { errorCorrectionLevel: 'L', margin: 4 });
  const value = (id: string) => {
    const f = draft.fields[id];
    const v = f?.value;
    const text = v === null || v === undefined ? '' : typeof v === 'boolean' ? (v ? 'Có / Yes' : 'Không / No') : v;
    return `${esc(text)}${f?.source ? ` <small>[${PROVENANCE[f.source].mark}]</small>` : ''}`;
  };
  const sections = template.sections
    .map((s, i) => `<h2>${i + 1}. ${esc(s.title.vi)} <i>/ ${esc(s.title.en)}</i></h2><table>${s.fields.map((f) => `<tr><th>${esc(f.label.vi)}<br><i>${esc(f.label.en)}</i></th><td>${value(f.id)}</td></tr>`).join('')}</table>`)
    .join('');
  const attachments = template.attachments.map((a) => `<li>☐ ${esc(a.label.vi)} <i>/ ${esc(a.label.en)}</i>${a.required ? ' *' : ''}</li>`).join('');
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><style>
@font-face { font-family: BVP; src: url(data:font/ttf;base64,${font('BeVietnamPro_400Regular.ttf')}); }
@font-face { font-family: BVP; font-weight: bold; src: url(data:font/ttf;base64,${font('BeVietnamPro_700Bold.ttf')}); }
@page { size: A4; margin: 18mm 16mm; }
body { font: 10.5pt/1.3 BVP; } h1 { font-size: 14pt; text-align: center; } h2 { font-size: 11pt; }
.heading { text-align: center; font-weight: bold; } table { width: 100%; border-collapse: collapse; }
th { text-align: left; width: 45%; font-weight: normal; vertical-align: top; } i { color: #555; font-size: 8pt; }
</style></head><body>
<div class="heading">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>Độc lập - Tự do - Hạnh phúc</div>
<h1>${esc(template.title.vi)}<br><i>${esc(template.title.en)}</i></h1>${sections}
<h2>Giấy tờ kèm theo <i>/ Attachments</i> (${templateFields(template).length} fields)</h2><ul>${attachments}</ul>
<p>${esc(template.declaration.vi)}<br><i>${esc(template.declaration.en)}</i></p>
<p style="text-align:right">Hà Nội, ngày 23 tháng 11 năm 2026<br><b>NGƯỜI YÊU CẦU</b></p>
<img src="${qr}" style="width:45mm"></body></html>`;
}

export async function runPdfBench(): Promise<void> {
  const fontsDir = join(process.cwd(), 'resources', 'fonts');
  const fonts = readFontFiles(fontsDir);
  const template = bundledTemplate('birth-registration');
  const draft = prefillDraft(template, { central: CENTRAL, card: CARD, entered: ENTERED_CHILD }, { id: 'bench' }).draft;
  const handoff = encodeHandoff(draft, newDeviceKey()).text;
  const html = await dossierHtml(template, draft, handoff, fontsDir);

  const render = () => renderDossierPdf({ template, draft, handoff, fonts, date: isoDate('2026-11-23'), place: 'Hà Nội' });
  const ours = await render();
  const oursTime = await timePerCall(render, ownCpuMs);

  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    // Each document loads its HTML afresh, as printToPDF of a new dossier would.
    const print = async () => {
      await page.setContent(html, { waitUntil: 'load' });
      return page.pdf({ format: 'A4', printBackground: true });
    };
    const theirs = await print();
    const theirsTime = await timePerCall(print, () => descendantsCpuMs(process.pid));
    const speedup = theirsTime.cpu / oursTime.cpu;
    const sizeRatio = ours.pdf.length / theirs.length;
    const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
    console.log('\ndossier PDF: pdf-lib vs the same dossier as HTML printed by Chromium (page.pdf)');
    const ms = (t: { wall: number; cpu: number }) => `${t.cpu.toFixed(1)} ms CPU, ${t.wall.toFixed(1)} ms wall`;
    console.log(`  pdf-lib   ${ms(oursTime)}  ${kb(ours.pdf.length)}  ${ours.pages} pages`);
    console.log(`  Chromium  ${ms(theirsTime)}  ${kb(theirs.length)}`);
    console.log(`  pdf-lib takes 1/${speedup.toFixed(1)} of the CPU time (wall: 1/${(theirsTime.wall / oursTime.wall).toFixed(1)}) and ${(100 * sizeRatio).toFixed(0)} % of the size`);
    addSummary({
      benchmark: 'dossier PDF (birth registration), CPU time',
      measured: `${oursTime.cpu.toFixed(1)} ms/document (pdf-lib; wall ${oursTime.wall.toFixed(1)} ms)`,
      baseline: `${theirsTime.cpu.toFixed(1)} ms (Chromium's processes, page.pdf of the same dossier as HTML; wall ${theirsTime.wall.toFixed(1)} ms)`,
      ratio: `${speedup.toFixed(1)}× faster`,
      goal: '≥ 10× faster',
      met: speedup >= 10,
    });
    addSummary({
      benchmark: 'dossier PDF, size',
      measured: kb(ours.pdf.length),
      baseline: kb(theirs.length),
      ratio: `${(100 * sizeRatio).toFixed(0)} % of the size`,
      goal: '≤ 33 %',
      met: sizeRatio <= 1 / 3,
    });
  } finally {
    await browser.close();
  }
}
