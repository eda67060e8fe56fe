import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './browser';
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
