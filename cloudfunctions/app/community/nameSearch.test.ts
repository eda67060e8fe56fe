import { counting } from '../../store/testing/counting';
import { admitMember, newMember } from './newMember';
import { STORE_KINDS, communityWithMembers, openStore, sqliteHarness, type Harness } from '../../testing/harness';

const NOW = '2026-03-03T02:00:00Z';
const owner = { openid: 'o_owner', now: NOW };

describe.each(STORE_KINDS)('community.members: a search by any part of a nickname, on %s', (kind) => {
  let h: Harness;
  let c: string;
  let cost: ReturnType<typeof counting>;
  const search = async (q: string, more: object = {}) =>
    (await h.ok('community', 'members', { communityId: c, q, ...more }, owner)).members.map((m) => m.nickname);
  /** The nicknames of a search, page after page till the last. */
  const everyPage = async (q: string, limit: number) => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { members: Array<{ nickname: string }>; nextCursor: string | null } = await h.ok(
        'community',
        'members',
        { communityId: c, q, limit, ...(cursor ? { cursor } : {}) },
        owner,
      );
      seen.push(...page.members.map((m) => m.nickname));
      cursor = page.nextCursor;
    } while (cursor);
    return seen;
  };
  const join = (openid: string, nickname: string, minute: number) =>
    h.ok('community', 'join', { communityId: c, nickname }, { openid, now: `2026-03-02T02:${String(minute).padStart(2, '0')}:00Z` });

  beforeEach(async () => {
    cost = counting(openStore(kind));
    h = sqliteHarness(cost.store);
    c = await communityWithMembers(h);
  });

  it('finds 小美 by 美, any run of letters without case, and an openid exactly', async () => {
    await join('o_m1', '小美', 1);
    await join('o_m2', '美美妈妈', 2);
    await join('o_m3', 'Amy 的小店', 3);
    expect(await search('美')).toEqual(['小美', '美美妈妈']);
    expect(await search('妈妈')).toEqual(['美美妈妈']);
    expect(await search('美妈')).toEqual(['美美妈妈']);
    expect(await search('MY 的')).toEqual(['Amy 的小店']);
    expect(await search('小')).toEqual(['小美', 'Amy 的小店']);
    expect(await search('小妈')).toEqual([]);
    expect(await search('o_m3')).toEqual(['Amy 的小店']);
  });

  it('follows a new nickname at once: the old parts find nothing, the new ones find the member', async () => {
    await join('o_m1', '小美', 1);
    await h.ok('community', 'updateProfile', { communityId: c, nickname: '美丽人生' }, { openid: 'o_m1', now: NOW });
    expect(await search('小')).toEqual([]);
    expect(await search('丽人')).toEqual(['美丽人生']);
    expect(await search('美')).toEqual(['美丽人生']);
    await h.ok('community', 'updateProfile', { communityId: c, nickname: '小美' }, { openid: 'o_m1', now: NOW });
    expect(await search('丽')).toEqual([]);
    expect(await search('小美')).toEqual(['小美']);
  });

  it('pages in joining order after whoever is named exactly that, each member once, with the other filters applied', async () => {
    for (let i = 1; i <= 7; i++) await join(`o_m${i}`, `美${i}`, i);
    await join('o_m8', '美', 8);
    await h.ok('community', 'setRole', { communityId: c, openid: 'o_m4', role: 'moderator' }, owner);
    expect(await everyPage('美', 3)).toEqual(['美', '美1', '美2', '美3', '美4', '美5', '美6', '美7']);
    expect(await search('美', { role: 'moderator' })).toEqual(['美4']);
  });

  it('reads by the rarest part of what was typed, so a rare name among many alike is found on the first page', async () => {
    // Four hundred whose names all start alike (more than a request reads), then the one sought.
    await h.store.transaction(async (tx) => {
      for (let i = 0; i < 400; i++) await admitMember(tx, newMember(c, `o_x${i}`, 'member', new Date(NOW), `成员${i}`));
    });
    await join('o_late', '成员王五', 59);
    cost.reset();
    const page = await h.ok('community', 'members', { communityId: c, q: '成员王五' }, owner);
    expect([page.members.map((m) => m.nickname), page.nextCursor]).toEqual([['成员王五'], null]);
    expect(cost.counts().returned).toBeLessThan(100);

    // Paged by its run with the fewest names (员30, eleven, over 成员3's 111), each member once.
    const seen = await everyPage('成员30', 4);
    // All joined at one moment: joining order is then by openid.
    const inJoiningOrder = Array.from({ length: 400 }, (_, i) => ({ openid: `o_x${i}`, name: `成员${i}` })).sort((a, b) =>
      a.openid < b.openid ? -1 : 1,
    );
    expect(seen).toEqual(inJoiningOrder.map((m) => m.name).filter((name) => name.includes('成员30')));
  });

  it('refuses a cursor from another search, plainly', async () => {
    for (let i = 1; i <= 4; i++) await join(`o_m${i}`, `小美${i}`, i);
    const { nextCursor } = await h.ok('community', 'members', { communityId: c, q: '小美', limit: 2 }, owner);
    const envelope = await h.call('community', 'members', { communityId: c, q: '阿杰', cursor: nextCursor }, owner);
    expect(envelope).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '翻页位置不属于这次搜索，请重新搜索' } });
  });

  it('costs the same few queries however many members the community has', async () => {
    const costOf = async (q: string) => {
      cost.reset();
      await search(q, { limit: 5 });
      return cost.counts().queries;
    };
    await join('o_m1', '小美', 1);
    const small = await costOf('美');
    // Four hundred more: most named otherwise (a scan would read past them), some by 美 too.
    await h.store.transaction(async (tx) => {
      for (let i = 0; i < 400; i++) await admitMember(tx, newMember(c, `o_x${i}`, 'member', new Date(NOW), i % 10 ? `路人${i}` : `美${i}`));
    });
    // The part's range, its members by id, and those named exactly what was typed.
    expect(small).toBe(3);
    expect(await costOf('美')).toBe(small);
  });
});
