import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');

export interface Runtime {
  url: string;
  dataDir: string;
  process: ChildProcess;
  output: () => string;
  /** POST /api/<fn>; returns the HTTP status and the parsed envelope. */
  call(fn: string, body: unknown, headers?: Record<string, string>): Promise<{ status: number; body: any }>;
  /** Like call, as `openid`, expecting ok: the data. */
  ok(fn: string, body: Record<string, unknown>, openid: string, headers?: Record<string, string>): Promise<any>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });
}

/** Starts the real local runtime (`npm run serve`) as a child process and waits for /healthz. */
export async function startRuntime(options: { dataDir?: string; port?: number; nodeArgs?: string[] } = {}): Promise<Runtime> {
  const port = options.port ?? (await freePort());
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'cp-runtime-'));
  // `node --import tsx` (not the tsx CLI, which forks) so that signals reach the server itself.
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), '--import', 'tsx', join(ROOT, 'cloudfunctions/local/main.ts')], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`runtime exited early:\n${output}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error(`runtime did not become healthy:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const call: Runtime['call'] = async (fn, body, headers = {}) => {
    const response = await fetch(`${url}/api/${fn}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: response.status, body: await response.json() };
  };
  return {
    url,
    dataDir,
    process: child,
    output: () => output,
    call,
    async ok(fn, body, openid, headers = {}) {
      const { body: envelope } = await call(fn, body, { 'X-Dev-Openid': openid, ...headers });
      if (!envelope.ok) throw new Error(`${fn}.${String(body.action)}: ${JSON.stringify(envelope.error)}`);
      return envelope.data;
    },
    stop(signal = 'SIGTERM') {
      return new Promise((resolveStop) => {
        if (child.exitCode !== null) return resolveStop(child.exitCode);
        child.once('exit', (code) => resolveStop(code));
        child.kill(signal);
      });
    },
  };
}
