import { startRuntime, type Runtime } from '../support/runtime';

// A 1×1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

let rt: Runtime;
beforeAll(async () => {
  rt = await startRuntime();
});
afterAll(async () => {
  await rt?.stop();
});

const upload = async (body: Buffer, headers: Record<string, string> = { 'X-Dev-Openid': 'demo_owner' }) => {
  const response = await fetch(`${rt.url}/upload`, { method: 'POST', body: new Uint8Array(body), headers });
  return { status: response.status, body: await response.json() };
};

describe('local image uploads', () => {
  it('stores an image under DATA_DIR, named by its content, and serves it back', async () => {
    const first = await upload(PNG);
    expect(first.body).toMatchObject({ ok: true, data: { url: expect.stringMatching(/^\/uploads\/[a-f0-9]{32}\.png$/) } });
    expect((await upload(PNG)).body.data.url).toBe(first.body.data.url);
    const served = await fetch(`${rt.url}${first.body.data.url}`);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await served.arrayBuffer()).equals(PNG)).toBe(true);
  });

  it('refuses what is not an image, what is too big, and callers without identity', async () => {
    expect((await upload(Buffer.from('<script>alert(1)</script>'))).body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect((await upload(Buffer.alloc(0))).body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const huge = Buffer.concat([PNG, Buffer.alloc(2 * 1024 * 1024)]);
    const tooBig = await upload(huge);
    expect([tooBig.status, tooBig.body.error.code]).toEqual([413, 'INVALID_INPUT']);
    expect((await upload(PNG, {})).body).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    for (const path of ['/uploads/../../package.json', '/uploads/%2e%2e%2fpackage.json', '/uploads/nothing.png']) {
      expect((await fetch(`${rt.url}${path}`)).status).toBe(404);
    }
  });
});
