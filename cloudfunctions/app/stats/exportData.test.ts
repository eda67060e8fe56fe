import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localPlatform } from '../../platform/local/platform';
import { openDownload } from '../../platform/local/downloads';
import { newMember } from '../community/newMember';
import { communityWithMembers, eachStore, type Harness } from '../../testing/harness';

let h: Harness;
let c: string;
let dir: string;
const owner = { openid: 'o_owner', now: '2026-03-03T02:00:00Z' };

/** The CSV behind a download link, read the way the runtime serves it. */
const download = (url: string) => {
  const file = url.split('?')[0].slice('/downloads/'.length);
  expect(openDownload(dir, file, new Date())).not.toBeNull();
  return readFileSync(join(dir, file), 'utf8');
};

eachStore((open) => {
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cp-exports-'));
    h = open(localPlatform({ downloadsDir: dir }));
    c = await communityWithMembers(h);
  });

  it('exports members, the ledger and orders as CSV files Excel opens in Chinese', async () => {
    await h.ok('community', 'updateProfile', { communityId: c, nickname: '=1+1' }, { openid: 'o_bob', now: owner.now });
    await h.ok('checkin', 'checkin', { communityId: c }, { openid: 'o_alice', now: '2026-03-02T15:59:59Z' });
    await h.ok(
      'points',
      'adjust',
      { communityId: c, openid: 'o_alice', delta: 100, reason: '线下活动, 第一名', requestId: 'export-adj-1' },
      owner,
    );
    const { item } = await h.ok(
      'mall',
      'upsertItem',
      { communityId: c, item: { name: '抱枕', kind: 'physical', pointsPrice: 50, stock: 3 } },
      owner,
    );
    await h.ok(
      'mall',
      'redeem',
      {
        communityId: c,
        itemId: item.id,
        requestId: 'export-redeem',
        shipping: { name: '王小美', phone: '13800138000', address: '上海市静安区 1 号' },
      },
      { openid: 'o_alice', now: owner.now },
    );

    const members = await h.ok('stats', 'export', { communityId: c, kind: 'members' }, owner);
    expect(members).toMatchObject({ fileName: '宝妈成长营-成员-2026-03-03.csv', rows: 3, url: expect.stringMatching(/^\/downloads\//) });
    const memberLines = download(members.url).split('\r\n');
    expect(memberLines[0]).toBe('\uFEFF昵称,openid,角色,等级,当前积分,累计积分,连续签到,最近活跃,分层,加入时间,来自群,邀请人,已禁用');
    // Joined 02:00Z: 10:00 on the community's clock.
    // Staff are in no segment.
    expect(memberLines[1]).toMatch(/^[^,]+,o_owner,群主,铜,0,0,0,,管理团队,2026-03-01 10:00:00,,,否$/);
    // A nickname that looks like a formula is shown, not run.
    expect(memberLines.find((line) => line.includes('o_bob'))).toMatch(/^'=1\+1,o_bob,成员/);
    // Last active on the day of the redemption.
    expect(memberLines.find((line) => line.includes('o_alice'))).toBe(
      'alice,o_alice,成员,铜,55,105,1,2026-03-03,新人,2026-03-01 10:01:00,,,否',
    );

    const ledger = await h.ok('stats', 'export', { communityId: c, kind: 'ledger' }, owner);
    expect(ledger.rows).toBe(3);
    const ledgerText = download(ledger.url);
    expect(ledgerText).toContain('2026-03-02 23:59:59,o_alice,获得,5,5,每日签到');
    expect(ledgerText).toContain('"线下活动, 第一名"');

    const orders = await h.ok('stats', 'export', { communityId: c, kind: 'orders' }, owner);
    expect(orders.rows).toBe(1);
    expect(download(orders.url)).toContain(',抱枕,1,50,待发货,王小美,13800138000,上海市静安区 1 号,');
  });

  it('exports more rows than one cloud query answers', async () => {
    await h.store.transaction(async (tx) => {
      for (let i = 0; i < 1_100; i++)
        await tx.set('members', `${c}:o_bulk${i}`, newMember(c, `o_bulk${i}`, 'member', new Date(owner.now), `成员${i}`));
    });
    const { rows, url } = await h.ok('stats', 'export', { communityId: c, kind: 'members' }, owner);
    expect(rows).toBe(1_103);
    expect(download(url).trim().split('\r\n')).toHaveLength(1_104);
  });

  it('is for the owner only and refuses an unknown kind, storing nothing', async () => {
    await h.ok('community', 'setRole', { communityId: c, openid: 'o_alice', role: 'moderator' }, owner);
    expect(await h.call('stats', 'export', { communityId: c, kind: 'members' }, { openid: 'o_alice', now: owner.now })).toMatchObject({
      error: { code: 'FORBIDDEN' },
    });
    expect(await h.call('stats', 'export', { communityId: c, kind: 'everything' }, owner)).toMatchObject({
      error: { code: 'INVALID_INPUT' },
    });
    expect(readdirSync(dir)).toEqual([]);
  });
});
