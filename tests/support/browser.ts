import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

const QUIET_ON_A_CLOSED_NETWORK = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Debian's chromium when it is installed (CHROMIUM_PATH says where, else PATH), unless CHROMIUM_FROM_NPM asks for the other. */
function systemChromium(): string | null {
  if (process.env.CHROMIUM_FROM_NPM) return null;
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  try {
    return (
      execFileSync('which', ['chromium'], { stdio: ['ignore', 'pipe', 'ignore'] })
        .toString()
        .trim() || null
    );
  } catch {
    return null;
  }
}

/**
 * A Chromium driven by playwright-core, in a fresh profile, quiet on a closed network: Debian's
 * where it is installed, else the one the npm package @sparticuz/chromium ships (nothing to
 * download: its binary is inside the package), so `npm install && npm test` needs no browser
 * installed by hand. Chinese renders with the system's CJK fonts; without any, screenshots show
 * boxes where the text is (the page's text is the same).
 */
export async function launchChromium(options: { deviceScaleFactor?: number } = {}): Promise<BrowserContext> {
  const system = systemChromium();
  const packaged = system ? null : (await import('@sparticuz/chromium')).default;
  const executablePath = system ?? (await packaged!.executablePath());
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'cp-chromium-')), {
    executablePath,
    viewport: { width: 390, height: 844 },
    ...(options.deviceScaleFactor ? { deviceScaleFactor: options.deviceScaleFactor } : {}),
    locale: 'zh-CN',
    args: [...new Set([...(packaged?.args ?? []), ...QUIET_ON_A_CLOSED_NETWORK])],
  });
}
