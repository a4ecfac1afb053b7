import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';

/** The counter's workstation screen, as measured: 1366×768. */
export const COUNTER_SCREEN = { width: 1366, height: 768 } as const;

/**
 * The page itself does not scroll (its content is no taller than the window; each pane scrolls
 * by itself) and `action`, the state's main action, lies wholly inside the window.
 */
export async function expectFits(page: Page, action: Locator, state: string): Promise<void> {
  const { scrollHeight, innerHeight, scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollHeight: document.scrollingElement!.scrollHeight,
    innerHeight: window.innerHeight,
    scrollWidth: document.scrollingElement!.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollHeight, `${state}: page height ${scrollHeight} within ${innerHeight}`).toBeLessThanOrEqual(innerHeight);
  expect(scrollWidth, `${state}: page width ${scrollWidth} within ${innerWidth}`).toBeLessThanOrEqual(innerWidth);
  const box = await action.boundingBox();
  expect(box, `${state}: main action rendered`).not.toBeNull();
  const { x, y, width, height } = box!;
  expect(x >= 0 && y >= 0 && x + width <= innerWidth && y + height <= innerHeight, `${state}: main action ${JSON.stringify(box)} inside ${innerWidth}×${innerHeight}`).toBe(true);
}

/** A keyboard that counts what it is asked to press: one per key press, one per typed character. */
export function countingKeyboard(page: Page) {
  let presses = 0;
  let typed = 0;
  return {
    press: async (key: string) => {
      presses += 1;
      await page.keyboard.press(key);
    },
    type: async (text: string) => {
      typed += [...text].length;
      await page.keyboard.type(text);
    },
    /** Keys that are not the data typed: Tab, Enter, Space, shortcuts. */
    get presses() {
      return presses;
    },
    get keys() {
      return presses + typed;
    },
  };
}
