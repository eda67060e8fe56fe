import { communityWithMembers, sqliteHarness, type Harness } from '../../cloudfunctions/testing/harness';
import { gatewayFor as sharedGateway } from './testing';
import { claimCodeProblem, claimMessage } from './BalancesStore';
import { RootStore } from './RootStore';
import { memoryStorage } from './storage';

const NOW = '2026-06-01T04:00:00Z';
const gatewayFor = (h: Harness, openid: string, lose?: { action: string; times: number }) => sharedGateway(h, openid, NOW, lose);
/** The sheet as Excel's "CSV (逗号分隔)" saves it on a Chinese Windows: GBK, no BOM. */
const GBK_SHEET = Buffer.from([...Buffer.from('name,points\r\n'), 0xd0, 0xa1, 0xc3, 0xc0, ...Buffer.from(',120\r\nbad,1.5\r\n')]).toString(
  'base64',
);

let h: Harness;
let c: string;
beforeEach(async () => {
  h = sqliteHarness();
  c = await communityWithMembers(h);
});

describe('the balances store', () => {
  it('previews a GBK sheet, imports once though the answer was lost, and the member claims with the shared code', async () => {
    const owner = new RootStore(
      gatewayFor(h, 'o_owner', { action: 'importBalances', times: 1 }),
      memoryStorage(),
      c,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      async () => ({ name: '老表格.csv', base64: GBK_SHEET }),
    );
    await owner.balances.pick();
    expect(owner.balances.preview).toMatchObject({
      rows: 1,
      points: 120,
      problemCount: 1,
      problems: [{ line: 3, problem: expect.stringContaining('整数') }],
    });
    expect(owner.balances.canImport).toBe(false);
    owner.balances.setSkipProblems(true);
    expect(await owner.balances.confirm()).toBe(false);
    expect(owner.balances.importing.error).toBe('网络开小差了，请稍后重试');
    expect(await owner.balances.confirm()).toBe(true);
    expect(owner.balances.imports).toHaveLength(1);
    expect(owner.balances.rows.map((r) => [r.name, r.points, r.status])).toEqual([['小美', 120, 'open']]);
    const message = claimMessage('测试群', owner.balances.rows[0]);
    const typed = message.match(/领取码 (\S{4}-\S{4})/)![1];

    const member = new RootStore(gatewayFor(h, 'o_alice'), memoryStorage(), c);
    expect(claimCodeProblem('abc')).not.toBeNull();
    expect(claimCodeProblem(typed.toLowerCase())).toBeNull();
    expect(await member.balances.claim(typed.toLowerCase())).toBe(true);
    expect(member.balances.claimed).toMatchObject({ balance: 120, row: { name: '小美', points: 120 } });
    const bob = new RootStore(gatewayFor(h, 'o_bob'), memoryStorage(), c);
    expect(await bob.balances.claim(typed)).toBe(false);
    expect(bob.balances.claiming.error).toBe('这笔期初积分已被其他成员领取');
    await owner.balances.show(owner.balances.imports[0].id, 'claimed');
    expect(owner.balances.rows.map((r) => r.claimedBy?.nickname)).toEqual(['alice']);
  });

  it('the owner gives a waiting row to the member named exactly, and is told when the name matches nobody', async () => {
    const owner = new RootStore(
      gatewayFor(h, 'o_owner'),
      memoryStorage(),
      c,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      async () => ({ name: 'a.csv', base64: Buffer.from('阿花,300,老会员\n').toString('base64') }),
    );
    await owner.balances.pick();
    expect(await owner.balances.confirm()).toBe(true);
    owner.balances.startMatch(owner.balances.rows[0]);
    expect(await owner.balances.match('阿花')).toBe(false);
    expect(owner.balances.matchRequest.error).toBe('没有找到成员「阿花」');
    expect(await owner.balances.match('bob')).toBe(true);
    expect(owner.balances.rows).toEqual([]);
    expect((await h.ok('points', 'me', { communityId: c }, { openid: 'o_bob', now: NOW })).balance).toBe(300);
  });
});
