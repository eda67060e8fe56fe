import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The local stand-in for cloud file storage: images only, small, named by their content. */
export const MAX_UPLOAD_BYTES = 2 * 1024 * 1024;

const SIGNATURES: Array<{ type: string; ext: string; matches: (b: Buffer) => boolean }> = [
  { type: 'image/jpeg', ext: 'jpg', matches: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { type: 'image/png', ext: 'png', matches: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  { type: 'image/gif', ext: 'gif', matches: (b) => b.subarray(0, 4).toString('latin1') === 'GIF8' },
  {
    type: 'image/webp',
    ext: 'webp',
    matches: (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
  },
];

const FILE_NAME = /^[a-f0-9]{32}\.(jpg|png|gif|webp)$/;
const TYPE_OF_EXT: Record<string, string> = Object.fromEntries(SIGNATURES.map((s) => [s.ext, s.type]));

/** Stores an image if its bytes really are one of the allowed types; returns its URL path. */
export function saveUpload(dir: string, body: Buffer): { url: string } | { problem: string } {
  if (body.length === 0) return { problem: '没有收到图片' };
  const kind = SIGNATURES.find((s) => s.matches(body));
  if (!kind) return { problem: '只支持 JPG、PNG、GIF、WebP 图片' };
  mkdirSync(dir, { recursive: true });
  const name = `${createHash('sha256').update(body).digest('hex').slice(0, 32)}.${kind.ext}`;
  const file = join(dir, name);
  if (!existsSync(file)) writeFileSync(file, body);
  return { url: `/uploads/${name}` };
}

/** An uploaded file to serve, or null if the name is not one of ours. */
export function openUpload(dir: string, name: string): { stream: NodeJS.ReadableStream; type: string } | null {
  if (!FILE_NAME.test(name) || !existsSync(join(dir, name))) return null;
  return { stream: createReadStream(join(dir, name)), type: TYPE_OF_EXT[name.split('.')[1]] };
}
