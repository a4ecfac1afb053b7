import { writeFileSync } from 'node:fs';
import { expect, type Page, type TestInfo } from '@playwright/test';
import { BIRTH_REGISTRATION_VALUES } from '../fixtures/dossier/birth-registration-values';
import { qrOfLastPage } from '../support/scan-pdf-qr';

/** The citizen whose card the kiosk print-out helpers read. */
export const KIOSK_CITIZEN = { personalNumber: '079199012345', fullName: 'Nguyễn Văn An' };

/** The kiosk's channels, as its screens call them in this browser session. */
export async function kioskCall<T>(page: Page, channel: string, input: unknown): Promise<T> {
  return page.evaluate(
    async ({ channel, input }) => {
      const r = await (await fetch(`/api/${channel}`, { method: 'POST', body: JSON.stringify(input) })).json();
      if (!r.ok) throw new Error(`${channel}: ${r.error.code}`);
      return r.value;
    },
    { channel, input },
  ) as Promise<T>;
}

/**
 * The demo mother's birth registration, prepared and printed at the kiosk of `page`'s session;
 * returns the text of the print-out's QR, as the counter's scanner would read it.
 */
export async function kioskPrintsBirthRegistration(page: Page, testInfo: TestInfo): Promise<string> {
  await kioskCall(page, 'citizen.open', { personalNumber: KIOSK_CITIZEN.personalNumber, birthDate: '1999-05-01', fullName: KIOSK_CITIZEN.fullName, source: 'card' });
  // The QR alone releases nothing from the centre: the holder confirms with the code the demo centre sent.
  await kioskCall(page, 'identity.challenge', {});
  const { messages } = await kioskCall<{ messages: { code: string }[] }>(page, 'identity.demoPhone', {});
  await kioskCall(page, 'identity.confirm', { code: messages.at(-1)!.code });
  await kioskCall(page, 'consent.decide', { purpose: 'proactive-services', accept: true });
  const { draft } = await kioskCall<{ draft: { id: string } }>(page, 'dossier.prepare', { formId: 'birth-registration' });
  await kioskCall(page, 'dossier.update', { draftId: draft.id, values: BIRTH_REGISTRATION_VALUES });
  const printed = await kioskCall<{ pdfBase64: string; pages: number }>(page, 'dossier.print', { draftId: draft.id });
  await kioskCall(page, 'citizen.close', {});
  const dossierPdf = testInfo.outputPath('dossier.pdf');
  writeFileSync(dossierPdf, Buffer.from(printed.pdfBase64, 'base64'));
  return qrOfLastPage(dossierPdf, printed.pages);
}

/**
 * A citizen at the kiosk types a receipt code (or reference) into "Tra cứu hồ sơ" and sees its
 * status as `heading`; the answer shows neither the applicant's name nor their number.
 */
export async function kioskLooksUp(page: Page, code: string, heading: string): Promise<void> {
  await page.getByRole('button', { name: 'Tra cứu hồ sơ' }).click();
  await page.getByLabel('Mã hồ sơ (trên giấy biên nhận)').fill(code);
  await page.getByRole('button', { name: 'Tra cứu', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: `${code} · ${heading}` })).toBeVisible();
  await expect(page.getByText(KIOSK_CITIZEN.personalNumber)).toHaveCount(0);
  await expect(page.getByText(KIOSK_CITIZEN.fullName)).toHaveCount(0);
}
