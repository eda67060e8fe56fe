import { randomBytes } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Downloads } from '../ports';

/** How long a download link works, as the cloud's temporary file URLs do. */
export const DOWNLOAD_TTL_MS = 60 * 60_000;

/** <expiry ms>-<random>.<ext>: the link says when it stops working, and cannot be guessed. */
const FILE = /^(\d{13})-[a-f0-9]{24}\.(csv)$/;

/**
 * The local stand-in for cloud storage's temporary URLs: the file goes to `dir`, and the
 * runtime serves `/downloads/<file>?name=<file name>` without headers until it expires — by the
 * wall clock, like the cloud's links, not by a request's X-Dev-Now.
 */
export function localDownloads(dir = join(tmpdir(), 'cp-downloads'), clock: () => number = Date.now): Downloads {
  return {
    async publish({ name, content }) {
      const now = new Date(clock());
      mkdirSync(dir, { recursive: true });
      for (const old of readdirSync(dir)) if (isExpired(old, now)) rmSync(join(dir, old), { force: true });
      const file = `${now.getTime() + DOWNLOAD_TTL_MS}-${randomBytes(12).toString('hex')}.${name.split('.').pop()}`;
      writeFileSync(join(dir, file), content);
      return { url: `/downloads/${file}?name=${encodeURIComponent(name)}` };
    },
  };
}

const isExpired = (file: string, now: Date) => {
  const match = FILE.exec(file);
  return !match || Number(match[1]) <= now.getTime();
};

/** A download to serve, or null when the link is not one of ours or has expired. */
export function openDownload(dir: string, file: string, now: Date): NodeJS.ReadableStream | null {
  if (!FILE.test(file) || isExpired(file, now) || !existsSync(join(dir, file))) return null;
  return createReadStream(join(dir, file));
}
