import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './browser';
import { DEMO_COMMUNITY_ID, DEMO_PEOPLE } from '../../cloudfunctions/local/seed';
import { startRuntime, type Runtime } from './runtime';

export const ARTIFACTS = resolve(__dirname, '../../artifacts');

/** A fresh local runtime and a Chromium page on it for one test file, torn down after. */
export function browserOnRuntime() {
  const session = {} as { rt: Runtime; browser: BrowserContext; page: Page };
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    session.rt = await startRuntime();
    session.browser = await launchChromium();
    session.page = session.browser.pages()[0] ?? (await session.browser.newPage());
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.rt?.stop();
  });
  return session;
}

/** Waits until the element's text contains `text`. */
export const waitForText = (page: Page, selector: string, text: string) =>
  page.waitForFunction(([s, t]) => document.querySelector(s)?.textContent?.includes(t), [selector, text] as const, { timeout: 10_000 });

/** Waits until `text` is shown inside the viewport (a toast, or a line where the eye is), not only somewhere on the page. */
export const waitForTextInView = (page: Page, text: string) =>
  page.waitForFunction(
    (t) =>
      Array.from(document.querySelectorAll('body *')).some((el) => {
        if (el.children.length || !el.textContent?.includes(t)) return false;
        const box = el.getBoundingClientRect();
        return box.height > 0 && box.top >= 0 && box.bottom <= window.innerHeight && getComputedStyle(el).visibility !== 'hidden';
      }),
    text,
    { timeout: 10_000 },
  );

/**
 * Switches the local identity (the bar at the top) to a demo person on the home page, and waits
 * until the page shows that person's own numbers, not the previous person's.
 */
export async function actAs(session: { rt: Runtime; page: Page }, openid: (typeof DEMO_PEOPLE)[number]['openid']): Promise<void> {
  const { page, rt } = session;
  await page.goto(`${rt.url}/#/pages/home/index`);
  const { nickname } = await rt.ok('points', { action: 'me', communityId: DEMO_COMMUNITY_ID }, openid);
  await page.locator(`#identity-${openid}`).click();
  await waitForText(page, '.hero__who', nickname);
  await page.locator('#balance').waitFor();
}

/**
 * A full-page screenshot once the page has settled: Taro's H5 router slides a new page in, and a
 * capture taken during the slide shows it off to one side.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  // Settled: no slide (a CSS transition or animation) still running, and the newest page in place.
  await page
    .waitForFunction(
      () => {
        const pages = document.querySelectorAll('.taro_page');
        const newest = pages[pages.length - 1];
        return (
          document.getAnimations().every((a) => a.playState !== 'running') && (!newest || Math.abs(newest.getBoundingClientRect().left) < 1)
        );
      },
      undefined,
      { timeout: 5_000 },
    )
    .catch(() => undefined);
  await page.screenshot({ path: resolve(ARTIFACTS, name), fullPage: true });
}
