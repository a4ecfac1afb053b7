import { expect, type Locator, type Page } from '@playwright/test';

/** The kiosk screens, both orientations. */
export const SIZES = [
  { name: 'portrait', width: 1080, height: 1920 },
  { name: 'landscape', width: 1920, height: 1080 },
] as const;
/** The smallest and the largest text size a citizen can choose. */
export const TEXT = [
  { name: 'A', button: null },
  { name: 'A++', button: 'Chữ rất lớn / Very large text' },
] as const;

/**
 * The element's box lies wholly inside the viewport as it is now, and the page has not been scrolled
 * to get there; outside the fixed bottom bar, also wholly above the bar (nothing hidden under it).
 */
export async function expectOnScreen(page: Page, target: Locator, what: string) {
  const box = await target.boundingBox();
  const view = page.viewportSize()!;
  expect(box, `${what}: rendered`).not.toBeNull();
  const { x, y, width, height } = box!;
  expect(await page.evaluate(() => window.scrollY), `${what}: no scrolling`).toBe(0);
  const inBar = await target.evaluate((el) => el.closest('.kiosk-nav') !== null);
  const bottom = inBar ? view.height : ((await page.locator('.kiosk-nav').boundingBox())?.y ?? view.height);
  expect(x >= 0 && y >= 0 && x + width <= view.width && y + height <= bottom, `${what}: ${JSON.stringify(box)} inside ${view.width}×${bottom}`).toBe(true);
}
