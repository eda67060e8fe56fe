import { resolve } from 'node:path';
import { MemoryWxDatabase } from '../../cloudfunctions/store/wxcloud/memoryWxDatabase';

/**
 * The deployable bundles in dist/cloudfunctions, loaded as the cloud would load them, with
 * wx-server-sdk replaced by a double whose database enforces the cloud database's rules.
 */
const db = new MemoryWxDatabase();
const context = { OPENID: '', SOURCE: '' as string | undefined };
jest.mock('wx-server-sdk', () => ({
  DYNAMIC_CURRENT_ENV: Symbol('current env'),
  init: () => undefined,
  database: () => db,
  getWXContext: () => context,
}));

const load = (name: string) => require(resolve(__dirname, '../../dist/cloudfunctions', name, 'index.js')).main as (event: unknown) => Promise<any>;
const as = (openid: string, source?: string) => Object.assign(context, { OPENID: openid, SOURCE: source });

describe('bundled cloud functions on the wx-server-sdk database double', () => {
  it('create, join, check in, read points — identity from the WeChat context only', async () => {
    const community = load('community');
    as('wx_owner');
    const created = await community({ action: 'create', name: '云端群', userInfo: { openId: 'spoofed' } });
    expect(created).toMatchObject({ ok: true, data: { community: { ownerOpenid: 'wx_owner' } } });
    const communityId = created.data.community.id;
    as('wx_member');
    expect((await community({ action: 'join', communityId })).ok).toBe(true);

    db.resetCounts();
    const checkin = await load('checkin')({ action: 'checkin', communityId, openid: 'wx_owner' });
    expect(checkin).toMatchObject({ ok: true, data: { awarded: 5, streak: 1, balance: 5 } });
    expect(db.counts.transactions).toBe(1);
    expect(db.counts.txReads + db.counts.txWrites).toBeLessThanOrEqual(5);

    const me = await load('points')({ action: 'me', communityId });
    expect(me).toMatchObject({ ok: true, data: { balance: 5, checkedInToday: true } });
    as('wx_owner');
    expect((await load('points')({ action: 'me', communityId })).data.balance).toBe(0);
  });

  it('answers a timer event by its trigger name, and refuses the same action from a user', async () => {
    const jobs = load('jobs');
    as('', 'wx_trigger');
    expect(await jobs({ Type: 'Timer', TriggerName: 'expirePoints', Time: new Date().toISOString() })).toMatchObject({
      ok: true,
      data: { expiredPoints: 0, members: 0 },
    });
    as('wx_member', 'wx_client');
    expect(await jobs({ action: 'expirePoints' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('declares the timer trigger and depends on wx-server-sdk only', () => {
    const dist = resolve(__dirname, '../../dist/cloudfunctions/jobs');
    expect(require(`${dist}/config.json`).triggers).toEqual([expect.objectContaining({ name: 'expirePoints', type: 'timer', config: '0 5 0 * * * *' })]);
    expect(Object.keys(require(`${dist}/package.json`).dependencies)).toEqual(['wx-server-sdk']);
  });
});
