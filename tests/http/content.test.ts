import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRuntime, type Runtime } from '../support/runtime';

let rt: Runtime;
let c: string;

beforeAll(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cp-words-'));
  writeFileSync(join(dataDir, 'content-words.json'), JSON.stringify({ risky: ['竞品链接'], review: [{ word: '团购', label: '营销' }] }));
  rt = await startRuntime({ dataDir });
  c = (await rt.ok('community', { action: 'create', name: '词表群' }, 'w_owner')).community.id;
  await rt.ok('community', { action: 'join', communityId: c }, 'w_alice');
});
afterAll(async () => {
  await rt?.stop();
});

describe("the local runtime's content security", () => {
  it("uses the owner's word list from DATA_DIR/content-words.json", async () => {
    const post = (body: string) => rt.call('posts', { action: 'create', communityId: c, body }, { 'X-Dev-Openid': 'w_alice' });
    expect((await post('这里有便宜的竞品链接，点进去看看就知道了')).body).toMatchObject({ ok: false, error: { code: 'CONTENT_REJECTED' } });
    expect((await post('下周有人一起团购奶粉吗？上次一起买便宜了不少，这次想多拉几个人')).body).toMatchObject({
      ok: true,
      data: { post: { status: 'pending', flag: { source: 'text', label: '营销' } } },
    });
    const mine = await rt.ok('posts', { action: 'list', communityId: c, status: 'mine' }, 'w_alice');
    expect(mine.posts).toHaveLength(1);
  });
});
