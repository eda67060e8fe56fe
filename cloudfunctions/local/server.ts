import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { failure, type Envelope } from '../app/kernel/envelope';
import { FUNCTION_NAMES, type FunctionName } from '../app/actions';
import { MAX_EVENT_DEPTH, nestsDeeperThan } from '../app/kernel/dispatch';
import type { CallFunction, PlayPayment } from './functionsClient';
import { swapCloudIds } from './cloudIds';
import { issueGroupCloudId } from '../platform/local/groupCloudIds';
import { openDownload } from '../platform/local/downloads';
import { MAX_UPLOAD_BYTES, openUpload, saveUpload } from './uploads';
import { DEMO_COMMUNITY_ID, DEMO_PEOPLE } from './seed';

const MAX_BODY_BYTES = 1_000_000;
const OPENID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

export interface ServerOptions {
  /** Runs a cloud function (in the functions worker). */
  call: CallFunction;
  /** Plays WeChat Pay's result (POST /dev/pay). */
  pay: PlayPayment;
  log: (message: string, error?: unknown) => void;
  /** The H5 build to serve at /, if it exists. */
  staticDir: string;
  /** Where uploaded images live (under DATA_DIR). */
  uploadsDir: string;
  /** Where exports wait to be downloaded (under DATA_DIR). */
  downloadsDir: string;
}

/**
 * The local runtime's HTTP face (API.md "Transport"): POST /api/<function> with the cloud
 * function's event as JSON, identity and clock from the local-only X-Dev-* headers.
 */
export function createLocalServer({ call, pay, log, staticDir, uploadsDir, downloadsDir }: ServerOptions): Server {
  const root = resolve(staticDir);
  return createServer((req, res) => {
    route(req, res).catch((error) => {
      log('request failed', error);
      if (!res.headersSent) send(res, 500, failure('INTERNAL', '服务出了点问题，请稍后重试'));
    });
  });

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/healthz') return send(res, 200, { ok: true });
    if (path === '/dev/identities' && req.method === 'GET') {
      return send(res, 200, { ok: true, data: { communityId: DEMO_COMMUNITY_ID, people: DEMO_PEOPLE } });
    }
    if (path === '/dev/group-enter' && req.method === 'GET') {
      // Stands in for wx.getGroupEnterInfo: the cloudID of "the group this page was opened from".
      const opengid = new URL(req.url ?? '/', 'http://local').searchParams.get('opengid') ?? '';
      if (!/^[A-Za-z0-9_-]{1,64}$/.test(opengid)) return send(res, 200, failure('INVALID_INPUT', 'opengid 格式不对'));
      const nowHeader = header(req, 'x-dev-now');
      return send(res, 200, { ok: true, data: { cloudID: issueGroupCloudId(opengid, nowHeader ? new Date(nowHeader) : new Date()) } });
    }
    if (path === '/dev/pay') {
      if (req.method !== 'POST') return send(res, 405, failure('INVALID_INPUT', '请用 POST'));
      return playPayment(req, res);
    }
    if (path === '/upload') {
      if (req.method !== 'POST') return send(res, 405, failure('INVALID_INPUT', '请用 POST 上传'));
      return upload(req, res);
    }
    if (path.startsWith('/uploads/') && req.method === 'GET') {
      const file = openUpload(uploadsDir, path.slice('/uploads/'.length));
      if (!file) return sendText(res, 404, 'Not found');
      res.writeHead(200, { 'content-type': file.type, 'cache-control': 'public, max-age=31536000, immutable' });
      file.stream.pipe(res);
      return;
    }
    if (path.startsWith('/downloads/') && req.method === 'GET') {
      const file = openDownload(downloadsDir, path.slice('/downloads/'.length), new Date());
      if (!file) return sendText(res, 404, '链接不存在或已过期，请重新导出');
      const name = new URL(req.url ?? '/', 'http://local').searchParams.get('name') ?? 'export.csv';
      // RFC 6266: an ASCII fallback and the UTF-8 name (导出 files are named in Chinese).
      res.writeHead(200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="export.csv"; filename*=UTF-8''${encodeURIComponent(name)}`,
        'cache-control': 'no-store',
      });
      file.pipe(res);
      return;
    }
    const api = /^\/api\/([A-Za-z]+)$/.exec(path);
    if (api) {
      if (req.method !== 'POST') return send(res, 405, failure('INVALID_INPUT', '请用 POST 调用云函数'));
      const name = api[1] as FunctionName;
      // API.md: every envelope is HTTP 200; only a body that is not JSON is 400.
      if (!FUNCTION_NAMES.includes(name)) return send(res, 200, failure('NOT_FOUND', `没有这个云函数：${api[1]}`));
      return callFunction(name, req, res);
    }
    if (req.method === 'GET' || req.method === 'HEAD') return serveStatic(path, req, res);
    send(res, 404, failure('NOT_FOUND', '没有这个地址'));
  }

  async function callFunction(name: FunctionName, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req, MAX_BODY_BYTES);
    if (body === null) return send(res, 413, failure('INVALID_INPUT', '请求体太大'));
    let event: unknown;
    try {
      event = JSON.parse(body.toString('utf8'));
    } catch {
      return send(res, 400, failure('INVALID_INPUT', '请求体不是合法的 JSON'));
    }
    // Checked here, before the event is walked for CloudIDs or copied to the functions thread.
    if (nestsDeeperThan(event, MAX_EVENT_DEPTH)) return send(res, 200, failure('INVALID_INPUT', '请求体嵌套太深'));
    const openidHeader = header(req, 'x-dev-openid');
    const nowHeader = header(req, 'x-dev-now');
    const now = nowHeader === undefined ? new Date() : new Date(nowHeader);
    if (Number.isNaN(now.getTime())) return send(res, 200, failure('INVALID_INPUT', 'X-Dev-Now 必须是 ISO-8601 时间'));
    const openid = openidHeader && OPENID_PATTERN.test(openidHeader) ? openidHeader : null;
    const envelope = await call(name, swapCloudIds(event, now), { openid, source: header(req, 'x-dev-source') ?? null, now });
    send(res, 200, envelope);
  }

  /** WeChat Pay's result for an order, played by the local cashier: {orderId, result: "SUCCESS" | "FAIL"}. */
  async function playPayment(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req, 10_000);
    let event: { orderId?: unknown; result?: unknown } | null = null;
    try {
      event = JSON.parse(body?.toString('utf8') ?? '');
    } catch {
      return send(res, 400, failure('INVALID_INPUT', '请求体不是合法的 JSON'));
    }
    if (typeof event?.orderId !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(event.orderId))
      return send(res, 200, failure('INVALID_INPUT', 'orderId 格式不对'));
    if (event.result !== 'SUCCESS' && event.result !== 'FAIL')
      return send(res, 200, failure('INVALID_INPUT', 'result 只能是 SUCCESS 或 FAIL'));
    const nowHeader = header(req, 'x-dev-now');
    const now = nowHeader ? new Date(nowHeader) : new Date();
    if (Number.isNaN(now.getTime())) return send(res, 200, failure('INVALID_INPUT', 'X-Dev-Now 必须是 ISO-8601 时间'));
    send(res, 200, await pay(event.orderId, event.result === 'SUCCESS', now));
  }

  /** Local stand-in for cloud storage: POST /upload with the image bytes as the body. */
  async function upload(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const openid = header(req, 'x-dev-openid');
    if (!openid || !OPENID_PATTERN.test(openid)) return send(res, 200, failure('UNAUTHENTICATED', '未登录'));
    const body = await readBody(req, MAX_UPLOAD_BYTES);
    if (body === null) return send(res, 413, failure('INVALID_INPUT', '图片不能超过 2 MB'));
    const saved = saveUpload(uploadsDir, body);
    send(res, 200, 'url' in saved ? { ok: true, data: saved } : failure('INVALID_INPUT', saved.problem));
  }

  function serveStatic(path: string, req: IncomingMessage, res: ServerResponse): void {
    const file = resolve(join(root, normalize(decodeURIComponent(path === '/' ? '/index.html' : path))));
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      if (path === '/' || path === '/index.html')
        return sendText(res, 503, '还没有 H5 构建：请先运行 npm run build:h5（npm start 会自动构建）');
      return sendText(res, 404, 'Not found');
    }
    const type = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
    const encoding = COMPRESSIBLE.test(type) ? acceptedEncoding(header(req, 'accept-encoding')) : null;
    if (!encoding) {
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-cache', vary: 'accept-encoding' });
      return void createReadStream(file).pipe(res);
    }
    const body = compressed(file, encoding);
    res.writeHead(200, {
      'content-type': type,
      'content-encoding': encoding,
      'content-length': body.length,
      'cache-control': 'no-cache',
      vary: 'accept-encoding',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  }
}

/** Text is sent compressed (the H5 bundle shrinks to about a quarter); images and fonts already are. */
const COMPRESSIBLE = /^(text\/|application\/(javascript|json)|image\/svg)/;

/** Brotli when the browser takes it, else gzip, else none. */
export function acceptedEncoding(accept: string | undefined): 'br' | 'gzip' | null {
  const offered = (accept ?? '').split(',').map((part) => part.trim().split(';')[0]);
  return offered.includes('br') ? 'br' : offered.includes('gzip') ? 'gzip' : null;
}

/** Each file compressed once per version (its size and time), kept while the server runs. */
const compressedFiles = new Map<string, Buffer>();
function compressed(file: string, encoding: 'br' | 'gzip'): Buffer {
  const { size, mtimeMs } = statSync(file);
  const key = `${encoding}:${file}:${size}:${mtimeMs}`;
  let body = compressedFiles.get(key);
  if (!body) {
    const raw = readFileSync(file);
    body =
      encoding === 'br' ? brotliCompressSync(raw, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 9 } }) : gzipSync(raw, { level: 9 });
    compressedFiles.set(key, body);
  }
  return body;
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolveBody(tooLarge ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: Envelope | { ok: true; data?: unknown }): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(text);
}
