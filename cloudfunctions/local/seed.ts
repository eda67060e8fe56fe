import { requestKey } from '../app/kernel/idempotency';
import { issueGroupCloudId } from '../platform/local/groupCloudIds';
import type { Deps } from '../app/kernel/context';
import { HANDLERS } from '../app/handlers';
import type { FunctionName } from '../app/actions';
import { dayOf, weekKey } from '../core/days';

export const DEMO_COMMUNITY_ID = 'demo';
/** The demo community's WeChat group (locally, `?opengid=G_demo_mums` on a link). */
export const DEMO_GROUP = 'G_demo_mums';

/** The people of the demo community; the H5 identity switcher offers them. */
export const DEMO_PEOPLE = [
  { openid: 'demo_owner', nickname: '林姐', role: 'owner' },
  { openid: 'demo_mod', nickname: '阿杰', role: 'moderator' },
  { openid: 'demo_xiaomei', nickname: '小美', role: 'member' },
  { openid: 'demo_doudou', nickname: '豆豆妈', role: 'member' },
  { openid: 'demo_laowang', nickname: '老王', role: 'member' },
] as const;

const DAY_MS = 86_400_000;

const DEMO_ITEMS = (flashStart: Date): Array<[string, Record<string, unknown>]> => [
  [
    'demo-handcream',
    {
      category: '个护',
      name: '护手霜试用装',
      description: '品牌护手霜 30ml，冬天必备',
      kind: 'physical',
      pointsPrice: 120,
      stock: 20,
      perMemberLimit: 2,
    },
  ],
  [
    'demo-coupon',
    {
      category: '优惠券',
      name: '满99减20优惠券',
      description: '商城下单可用，兑换后立即得到券码',
      kind: 'coupon',
      pointsPrice: 80,
      stock: 10,
    },
  ],
  [
    'demo-class',
    {
      name: '周末亲子手工课名额',
      category: '课程',
      description: '每周六下午，线下 2 小时，限时抢',
      kind: 'service',
      pointsPrice: 300,
      stock: 10,
      perMemberLimit: 1,
      startsAt: flashStart.toISOString(),
      endsAt: new Date(flashStart.getTime() + 2 * DAY_MS).toISOString(),
    },
  ],
  [
    'demo-expert',
    {
      category: '课程',
      name: '育儿专家 1 对 1 咨询',
      description: '30 分钟语音咨询',
      kind: 'service',
      pointsPrice: 800,
      stock: 5,
      minTier: '银',
    },
  ],
  [
    'demo-bottle',
    {
      category: '周边',
      name: '品牌定制保温杯',
      description: '会员专属限量款',
      kind: 'physical',
      pointsPrice: 1500,
      stock: 3,
      minTier: '金',
    },
  ],
  // 积分+现金: points take part of the price, WeChat Pay the rest.
  [
    'demo-purifier',
    {
      category: '家居',
      name: '桌面空气净化器',
      description: '母婴房适用，积分抵扣后再付现金',
      kind: 'physical',
      pointsPrice: 300,
      cashPrice: 9900,
      stock: 5,
    },
  ],
  // Worn rewards (API v3): a title beside the name for 30 days, and a frame for good.
  [
    'demo-title',
    {
      category: '装扮',
      name: '称号·绘本达人',
      description: '戴在昵称旁，群里一眼认出你',
      kind: 'title',
      wear: { look: '绘本达人', days: 30 },
      pointsPrice: 90,
      stock: 100,
    },
  ],
  [
    'demo-frame',
    {
      category: '装扮',
      name: '鎏金头像框',
      description: '头像外一圈金边，永久佩戴',
      kind: 'frame',
      wear: { look: 'gold' },
      pointsPrice: 400,
      stock: 30,
    },
  ],
  // A dream reward few can reach alone: the one members pool points for (积分众筹).
  [
    'demo-stroller',
    { category: '母婴', name: '轻便婴儿推车', description: '一键收车，可登机', kind: 'physical', pointsPrice: 3000, stock: 2 },
  ],
];

/**
 * Seeds the demo community on first start, through the same use cases the app calls, with
 * history: check-in streaks over the last days and a couple of owner adjustments.
 */
export async function seedDemo(deps: Deps, now: Date): Promise<boolean> {
  if (await deps.store.get('communities', DEMO_COMMUNITY_ID)) return false;
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY_MS);
  const call = async (fn: FunctionName, openid: string, when: Date, event: Record<string, unknown>, id = DEMO_COMMUNITY_ID) => {
    const result = await HANDLERS[fn](event, { openid, source: null, now: when }, { ...deps, newId: () => id });
    if (!result.ok) throw new Error(`seeding ${fn}.${String(event.action)} failed: ${result.error.message}`);
  };
  const [owner, mod, ...members] = DEMO_PEOPLE;
  await call('community', owner.openid, at(20), { action: 'create', name: '花园宝妈互助群' });
  // Creating names the owner 群主; the demo's owner is a person (林姐), as in the identity switcher.
  await call('community', owner.openid, at(20), { action: 'updateProfile', communityId: DEMO_COMMUNITY_ID, nickname: owner.nickname });
  // The owner bound the demo's WeChat group (a link with ?opengid=G_demo_mums lands there).
  await call('community', owner.openid, at(20), {
    action: 'bindGroup',
    communityId: DEMO_COMMUNITY_ID,
    groupCloudId: { cloudID: issueGroupCloudId(DEMO_GROUP, at(20)) },
  });
  // The engagement rules on, as API.md's demo community has them.
  await call('community', owner.openid, at(20), {
    action: 'updateRules',
    communityId: DEMO_COMMUNITY_ID,
    // A gift needs a week's membership here, so a fresh second account cannot pass points on at once.
    rules: {
      birthday: { points: 50 },
      tasks: { profile: 10, firstCheckin: 10, firstPost: 20, firstAnswer: 10, firstInvite: 20 },
      transfer: { minMemberDays: 7 },
      purchase: { enabled: true, pointsPerYuan: 1, dailyCap: 1000 },
    },
  });
  // A challenge under way since before the history, and double points for helping others this week.
  await call(
    'campaigns',
    owner.openid,
    at(16),
    {
      action: 'upsert',
      communityId: DEMO_COMMUNITY_ID,
      campaign: {
        kind: 'challenge',
        name: '坚持签到挑战',
        metric: 'checkins',
        target: 10,
        bonusPoints: 100,
        startsAt: at(16).toISOString(),
        endsAt: at(-14).toISOString(),
      },
    },
    'demo-challenge',
  );
  const [xiaomei, doudou, laowang] = members;
  for (const person of [mod, xiaomei, doudou]) {
    await call('community', person.openid, at(19), { action: 'join', communityId: DEMO_COMMUNITY_ID, nickname: person.nickname });
  }
  // 老王 came from 小美's invite: paid to both when he first checks in.
  await call('referral', xiaomei.openid, at(19), { action: 'invite', communityId: DEMO_COMMUNITY_ID }, 'demo-invite-xiaomei');
  const { ownCode } = (await deps.store.get('members', `${DEMO_COMMUNITY_ID}:${xiaomei.openid}`))!;
  await call('community', laowang.openid, at(19), {
    action: 'join',
    communityId: DEMO_COMMUNITY_ID,
    nickname: laowang.nickname,
    inviteCode: ownCode,
  });
  await call('community', owner.openid, at(19), {
    action: 'setRole',
    communityId: DEMO_COMMUNITY_ID,
    openid: mod.openid,
    role: 'moderator',
  });
  // History, replayed in time order so every balanceAfter reads true: 小美 has a 6-day streak
  // (the day-7 bonus is next), 豆豆妈 checks in on and off, 老王 (invited by 小美) is new.
  const history: Array<{ daysAgo: number; openid: string; fn: FunctionName; event: Record<string, unknown>; id?: string }> = [];
  const checkins: Record<string, number[]> = {
    [members[0].openid]: [14, 13, 12, 11, 10, 9, 8, 6, 5, 4, 3, 2, 1],
    [members[1].openid]: [10, 7, 5, 2],
    [mod.openid]: [3, 2, 1],
  };
  for (const [openid, days] of Object.entries(checkins)) {
    for (const daysAgo of days)
      history.push({ daysAgo, openid, fn: 'checkin', event: { action: 'checkin', communityId: DEMO_COMMUNITY_ID } });
  }
  const adjustments: Array<[number, string, number, string]> = [
    [4.5, members[0].openid, 420, '线下活动志愿者奖励'],
    [2.5, members[1].openid, 120, '分享育儿经验被选为精华'],
  ];
  adjustments.forEach(([daysAgo, openid, delta, reason], i) =>
    history.push({
      daysAgo,
      openid: owner.openid,
      fn: 'points',
      event: { action: 'adjust', communityId: DEMO_COMMUNITY_ID, openid, delta, reason, requestId: `seed-adjust-000${i + 1}` },
    }),
  );
  history.push(
    ...demoContent(
      mod.openid,
      members.map((m) => m.openid),
    ),
  );
  history.push({
    daysAgo: 1.2,
    openid: owner.openid,
    fn: 'campaigns',
    id: 'demo-double',
    event: {
      action: 'upsert',
      communityId: DEMO_COMMUNITY_ID,
      campaign: {
        kind: 'multiplier',
        name: '互助双倍周',
        actions: ['answer', 'like'],
        multiplier: 2,
        startsAt: at(1.2).toISOString(),
        endsAt: at(-5).toISOString(),
      },
    },
  });
  // An event two days out (API v3 events), with sign-ups: 小美 and 豆豆妈 are coming.
  history.push({
    daysAgo: 1.1,
    openid: owner.openid,
    fn: 'events',
    id: 'demo-event',
    event: {
      action: 'upsert',
      communityId: DEMO_COMMUNITY_ID,
      event: {
        title: '周六绘本共读会',
        place: '社区图书角',
        description: '带上孩子和一本最喜欢的绘本，轮流讲给大家听',
        startsAt: at(-2).toISOString(),
        endsAt: at(-2.1).toISOString(),
        capacity: 12,
        points: 30,
      },
    },
  });
  for (const [i, openid] of [members[0].openid, members[1].openid].entries()) {
    history.push({
      daysAgo: 1 - i * 0.1,
      openid,
      fn: 'events',
      event: { action: 'signUp', communityId: DEMO_COMMUNITY_ID, eventId: 'demo-event', requestId: `seed-sign-up-000${i + 1}` },
    });
  }
  history.sort((a, b) => b.daysAgo - a.daysAgo);
  for (const step of history) await call(step.fn, step.openid, at(step.daysAgo), step.event, step.id);

  // The mall: cheap entry rewards, a flash reward, tier-only ones and a "dream" reward.
  const tomorrowEvening = new Date(Math.ceil((now.getTime() + 8 * 3_600_000) / 86_400_000) * 86_400_000 + 12 * 3_600_000);
  for (const [id, item] of DEMO_ITEMS(tomorrowEvening)) {
    await call('mall', owner.openid, at(1), { action: 'upsertItem', communityId: DEMO_COMMUNITY_ID, item }, id);
  }
  await call(
    'mall',
    owner.openid,
    at(1),
    {
      action: 'upsertDraw',
      communityId: DEMO_COMMUNITY_ID,
      draw: {
        name: '周末幸运转盘',
        costPoints: 50,
        prizes: [
          { id: 'bottle', name: '定制保温杯', weight: 200, stock: 2 },
          { id: 'sample', name: '护手霜小样', weight: 2500, stock: 30 },
          // Handed out from the mall's coupon pool (loaded below): a code is issued once, by the mall or the wheel.
          { id: 'coupon', name: '满99减20券', weight: 3000, stock: 100, kind: 'coupon', itemId: 'demo-coupon' },
        ],
      },
    },
    'demo-draw',
  );
  const codes = Array.from({ length: 10 }, (_, i) => `MJ20-${String(1001 + i)}`);
  await call('mall', owner.openid, at(1), { action: 'loadCodes', communityId: DEMO_COMMUNITY_ID, itemId: 'demo-coupon', codes });
  await call(
    'mall',
    members[1].openid,
    at(0.5),
    {
      action: 'redeem',
      communityId: DEMO_COMMUNITY_ID,
      itemId: 'demo-handcream',
      requestId: 'seed-redeem-0001',
      shipping: { name: '豆豆妈', phone: '13800001234', address: '杭州市西湖区文三路 100 号' },
    },
    'demo-order-1',
  );
  await tieOnTheWeekBoard(deps, now, call, owner.openid, xiaomei.openid, doudou.openid);
  // Circulation: the owner's donation pool with a first gift, and a 众筹 for the stroller that 豆豆妈 started and 小美 backs.
  await call(
    'pools',
    owner.openid,
    at(0.8),
    {
      action: 'upsert',
      communityId: DEMO_COMMUNITY_ID,
      pool: {
        name: '山区孩子的绘本角',
        description: '每捐 100 积分，群主代捐 1 本绘本给山区小学',
        goalPoints: 3000,
        endsAt: at(-10).toISOString(),
      },
    },
    'demo-donation',
  );
  await call('pools', xiaomei.openid, at(0.7), {
    action: 'contribute',
    communityId: DEMO_COMMUNITY_ID,
    poolId: 'demo-donation',
    points: 50,
    requestId: 'seed-donate-0001',
  });
  await call('pools', doudou.openid, at(0.6), {
    action: 'start',
    communityId: DEMO_COMMUNITY_ID,
    itemId: 'demo-stroller',
    requestId: 'seed-pool-0001',
  });
  const stroller = requestKey('pools.start', DEMO_COMMUNITY_ID, doudou.openid, 'seed-pool-0001');
  await call('pools', xiaomei.openid, at(0.5), {
    action: 'contribute',
    communityId: DEMO_COMMUNITY_ID,
    poolId: stroller,
    points: 100,
    requestId: 'seed-back-0001',
  });
  // Last of her history: 小美 wears a title in the feed, Q&A and on the boards.
  await call('mall', xiaomei.openid, at(0.02), {
    action: 'redeem',
    communityId: DEMO_COMMUNITY_ID,
    itemId: 'demo-title',
    requestId: 'seed-redeem-0002',
  });
  return true;
}

/** The week's board shows a tie (two members sharing a rank): the one behind gets the difference, as the owner's thanks. */
async function tieOnTheWeekBoard(
  deps: Deps,
  now: Date,
  call: (fn: FunctionName, openid: string, when: Date, event: Record<string, unknown>) => Promise<void>,
  owner: string,
  a: string,
  b: string,
) {
  const week = async (openid: string) => {
    const member = await deps.store.get('members', `${DEMO_COMMUNITY_ID}:${openid}`);
    return member && member.weekKey === weekKey(dayOf(now, 'Asia/Shanghai')) ? member.weekEarned : 0;
  };
  const [first, second] = [await week(a), await week(b)];
  if (first === second) return;
  const [behind, gap] = first > second ? [b, first - second] : [a, second - first];
  await call('points', owner, new Date(now.getTime() - 0.1 * DAY_MS), {
    action: 'adjust',
    communityId: DEMO_COMMUNITY_ID,
    openid: behind,
    delta: gap,
    reason: '本周活跃奖励',
    requestId: 'seed-adjust-tie1',
  });
}

/** Posts and Q&A for the demo: one approved post in the feed with a short comment thread, two waiting for review (one flagged), an open question. */
function demoContent(moderator: string, [xiaomei, doudou, laowang]: string[]) {
  const c = DEMO_COMMUNITY_ID;
  return [
    {
      daysAgo: 3.5,
      openid: xiaomei,
      fn: 'posts' as const,
      id: 'demo-post-1',
      event: {
        action: 'create',
        communityId: c,
        body: '给宝宝换季护肤的一点经验：洗澡水温控制在 37 度左右，洗完三分钟内全身涂润肤霜，脸颊干的地方厚涂一层。坚持两周，宝宝脸上的小红疙瘩基本消了。',
      },
    },
    {
      daysAgo: 3.2,
      openid: moderator,
      fn: 'posts' as const,
      event: { action: 'review', communityId: c, postId: 'demo-post-1', decision: 'approve', points: 120 },
    },
    // A thread under the approved post (API v3 comments).
    {
      daysAgo: 3.0,
      openid: doudou,
      fn: 'posts' as const,
      event: {
        action: 'comment',
        communityId: c,
        postId: 'demo-post-1',
        body: '水温 37 度这个好记，我家也试试',
        requestId: 'seed-comment-0001',
      },
    },
    {
      daysAgo: 2.8,
      openid: xiaomei,
      fn: 'posts' as const,
      event: {
        action: 'comment',
        communityId: c,
        postId: 'demo-post-1',
        body: '润肤霜用无香型的就行，别太厚重',
        requestId: 'seed-comment-0002',
      },
    },
    {
      daysAgo: 0.3,
      openid: doudou,
      fn: 'posts' as const,
      id: 'demo-post-2',
      event: {
        action: 'create',
        communityId: c,
        body: '分享我家豆豆戒夜奶的过程：第一周把夜奶换成温水，第二周只在哭闹时抱着安抚，不再喂奶。现在一觉能睡到早上六点，大人也终于能睡整觉了。',
      },
    },
    {
      daysAgo: 0.2,
      openid: laowang,
      fn: 'posts' as const,
      id: 'demo-post-3',
      event: {
        action: 'create',
        communityId: c,
        body: '这款儿童保温杯我家用了半年，保温效果很好，杯盖不漏水。需要代购的朋友可以找我，价格比店里便宜一些。',
      },
    },
    {
      daysAgo: 2,
      openid: doudou,
      fn: 'qa' as const,
      id: 'demo-q-1',
      event: {
        action: 'ask',
        communityId: c,
        title: '一岁宝宝不爱吃蔬菜怎么办？',
        body: '试过打成泥拌在粥里，吃两口就吐出来，有什么好办法吗？',
      },
    },
    {
      daysAgo: 1.5,
      openid: xiaomei,
      fn: 'qa' as const,
      id: 'demo-a-1',
      event: {
        action: 'answer',
        communityId: c,
        questionId: 'demo-q-1',
        body: '可以把蔬菜切碎做成小饼或者饺子馅，颜色鲜艳一点，让宝宝自己用手拿着吃，我家的就是这样慢慢接受的。',
      },
    },
  ];
}
