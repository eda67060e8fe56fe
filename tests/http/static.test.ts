import { readFileSync, readdirSync } from 'node:fs';
import { get } from 'node:http';
import { join, resolve } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { startRuntime, type Runtime } from '../support/runtime';

/** #28 item 8: the local server sends the H5 app compressed to browsers that take it, and as is to those that do not. */
const H5 = resolve(__dirname, '../../dist/h5');
let rt: Runtime;
beforeAll(async () => {
  rt = await startRuntime();
});
afterAll(async () => {
  await rt?.stop();
});

const fetchRaw = (path: string, acceptEncoding?: string) =>
  new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>((done, fail) => {
    get(`${rt.url}${path}`, { headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', fail);
  });

describe('the H5 app over HTTP', () => {
  it('sends text compressed (brotli first, else gzip), byte for byte the file, and as is when not asked', async () => {
    const biggest = readdirSync(join(H5, 'js'))
      .map((name) => ({ name, size: readFileSync(join(H5, 'js', name)).length }))
      .sort((a, b) => b.size - a.size)[0];
    const file = readFileSync(join(H5, 'js', biggest.name));
    const br = await fetchRaw(`/js/${biggest.name}`, 'gzip, deflate, br');
    expect([br.status, br.headers['content-encoding'], br.headers.vary]).toEqual([200, 'br', 'accept-encoding']);
    expect(brotliDecompressSync(br.body).equals(file)).toBe(true);
    expect(br.body.length).toBeLessThan(file.length * 0.4);
    const gz = await fetchRaw(`/js/${biggest.name}`, 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).equals(file)).toBe(true);
    const plain = await fetchRaw(`/js/${biggest.name}`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.equals(file)).toBe(true);
    const page = await fetchRaw('/', 'gzip');
    expect(gunzipSync(page.body).toString()).toContain('<html');
  });

  it('still refuses paths outside the app, compressed or not', async () => {
    expect((await fetchRaw('/../package.json', 'gzip')).status).toBe(404);
  });
});
