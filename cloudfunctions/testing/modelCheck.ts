import { STORIES } from '../core/testing/stories';
import { inPilot } from '../core/pilots';
import { nameGrams } from '../core/nameGrams';
import { countsAsEarned } from '../core/ledger';
import { addCounts, entryCounts, type PointsTotals } from '../core/stats';
import type { Query, Store } from '../store/port';
import type { AppStore, Collections, Found, LedgerDoc } from '../app/kernel/documents';
import type { MemberDoc } from '../app/community/documents';
import type { OrderDoc } from '../app/mall/documents';
import type { BackingDoc, PoolDoc } from '../app/pools/documents';
import { badgeWall } from '../core/achievements';
import { DEFAULT_RULES, mergeRules, type RulesPatch } from '../core/rules';
import { tierIndexFor, tierOf, windowPoints } from '../core/tiers';
import { openStore, sqliteHarness, type Harness, type StoreKind } from './harness';
import { playPayment } from '../local/playPayment';
import { issueGroupCloudId } from '../platform/local/groupCloudIds';
import { localPlatform } from '../platform/local/platform';
import type { Messenger } from '../platform/ports';
import { dayOf, DEFAULT_TIMEZONE } from '../core/days';

/**
 * A seeded model check: random member and staff operations in concurrent bursts, against the
 * real use cases on a real store, with the books checked after every burst. Operations are
 * data, so a failing run can be printed and shrunk to the few bursts that still break it.
 */
export type Op =
  | { kind: 'checkin'; who: number; skewMs: number }
  | { kind: 'adjust'; who: number; delta: number; request: number; byModerator: boolean }
  | { kind: 'redeem'; who: number; item: number; quantity: number; request: number; address: boolean }
  | { kind: 'ship'; order: number }
  | { kind: 'cancel'; order: number; cash: boolean }
  | { kind: 'fulfil'; order: number }
  | { kind: 'draw'; who: number; request: number }
  | { kind: 'post'; who: number; story: number }
  | { kind: 'approve'; post: number; points: number; byModerator: boolean }
  | { kind: 'revoke'; post: number }
  | { kind: 'like'; who: number; post: number }
  | { kind: 'invite'; inviter: number; newcomer: number }
  | { kind: 'loadCodes'; coupon: 0 | 1; codes: number[] }
  | { kind: 'ban'; who: number; banned: boolean }
  | { kind: 'profile'; who: number; name: number }
  | { kind: 'rollup' }
  | { kind: 'expire' }
  | { kind: 'makeUp'; who: number; back: number; request: number }
  | { kind: 'campaign'; variant: 0 | 1 | 2 | 3 | 4; pick: number }
  | { kind: 'reviewTiers' }
  | { kind: 'awards' }
  | { kind: 'transfer'; who: number; to: number; amount: number; request: number }
  | { kind: 'startPool'; who: number; request: number }
  | { kind: 'donationPool'; goal: number }
  | { kind: 'contribute'; who: number; pool: number; points: number; request: number }
  | { kind: 'settlePools' }
  | { kind: 'cashRedeem'; who: number; request: number; payNow: boolean }
  | { kind: 'pay'; order: number; success: boolean }
  | { kind: 'expireUnpaid' }
  | { kind: 'settleRefunds' }
  | { kind: 'bulkAward'; members: number; request: number }
  | { kind: 'runBatches' }
  | { kind: 'subscribe'; who: number; hour: number }
  | { kind: 'remind' }
  | { kind: 'bindGroup'; group: number; elsewhere: boolean }
  | { kind: 'importBalances'; request: number }
  | { kind: 'broadcast'; request: number }
  | { kind: 'purchase'; who: number; amountFen: number; request: number; twice: boolean }
  | { kind: 'refundPurchase'; pick: number; request: number }
  | { kind: 'verify'; order: number; twice: boolean }
  | { kind: 'comment'; who: number; post: number; text: number; request: number }
  | { kind: 'removeComment'; pick: number }
  | { kind: 'event'; hoursAhead: number; capacity: number }
  | { kind: 'signUp'; who: number; event: number; cancel: boolean }
  | { kind: 'attend'; who: number; event: number; twice: boolean }
  | { kind: 'remindEvents' }
  | { kind: 'claimBalance'; who: number; row: number; byOwner: boolean; request: number }
  | { kind: 'redeemWorn'; who: number; item: 0 | 1; request: number; twice: boolean }
  | { kind: 'wear'; who: number; item: 0 | 1; off: boolean };

export interface Burst {
  /** The clock moves on by this much before the burst, or to the next day boundary ± 1 ms. */
  advanceMs: number;
  boundary: -1 | 0 | 1 | null;
  ops: Op[];
}

const MEMBERS = ['o_m0', 'o_m1', 'o_m2', 'o_m3', 'o_m4', 'o_mod'];
const START = Date.parse('2026-03-01T02:00:00Z');
const DAY_MS = 86_400_000;
/** Short expiry and caps so that bursts reach them; every engagement rule on; rolling tiers. */
const CHECK_PATCH: RulesPatch = {
  expiry: { days: 3 },
  post: { dailyCap: 2 },
  like: { dailyCap: 3 },
  tasks: { profile: 5, firstCheckin: 10, firstPost: 20, firstAnswer: 10, firstInvite: 20 },
  makeUp: { cost: 10, perMonth: 2, withinDays: 5 },
  purchase: { enabled: true, pointsPerYuan: 1, dailyCap: 120 },
  comment: { points: 2, dailyCap: 1 },
  tierRetention: { mode: 'rolling', windowDays: 30, graceDays: 3 },
  tiers: [
    { name: '铜', minPoints: 0 },
    { name: '银', minPoints: 150, multiplier: 1.5 },
    { name: '金', minPoints: 400, multiplier: 2 },
  ],
};
const CHECK_RULES = mergeRules(DEFAULT_RULES, CHECK_PATCH);
/** Comment texts the model writes: two are near-copies of each other. */
const COMMENTS = [
  '这个方法真的很实用，收藏了',
  '这个方法真的很实用，收藏了！',
  '请问大概需要准备多长时间呢',
  '我们家也是这样，谢谢分享经验',
  '周末打算带孩子去试一试',
  '图片拍得真好看，是在哪里呀',
  '楼主辛苦了，写得特别详细',
  '有没有适合两岁宝宝的版本',
];
/** How long the model's title is worn: short enough that bursts see it run out and be bought again. */
const WORN_DAYS = 2;
const SHIPPING = { name: '小美', phone: '13800000000', address: '上海市静安区某路 1 号' };

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generate(seed: number, totalOps: number): Burst[] {
  const rnd = random(seed);
  const int = (n: number) => Math.floor(rnd() * n);
  const pick = <T>(choices: T[]) => choices[int(choices.length)];
  let newcomers = 0;
  let stories = 0;
  const op = (): Op => {
    const who = int(MEMBERS.length);
    switch (
      pick([
        'checkin',
        'checkin',
        'checkin',
        'adjust',
        'adjust',
        'redeem',
        'redeem',
        'cancel',
        'cancel',
        'fulfil',
        'draw',
        'draw',
        'post',
        'approve',
        'approve',
        'revoke',
        'like',
        'like',
        'invite',
        'loadCodes',
        'ban',
        'profile',
        'rollup',
        'ship',
        'expire',
        'makeUp',
        'makeUp',
        'campaign',
        'reviewTiers',
        'awards',
        'transfer',
        'transfer',
        'startPool',
        'donationPool',
        'contribute',
        'contribute',
        'contribute',
        'settlePools',
        'cashRedeem',
        'cashRedeem',
        'pay',
        'pay',
        'expireUnpaid',
        'settleRefunds',
        'bulkAward',
        'runBatches',
        'subscribe',
        'remind',
        'remind',
        'bindGroup',
        'importBalances',
        'claimBalance',
        'claimBalance',
        'claimBalance',
        'broadcast',
        'purchase',
        'purchase',
        'purchase',
        'refundPurchase',
        'verify',
        'verify',
        'comment',
        'comment',
        'comment',
        'removeComment',
        'event',
        'event',
        'event',
        'signUp',
        'signUp',
        'signUp',
        'signUp',
        'signUp',
        'signUp',
        'attend',
        'attend',
        'attend',
        'remindEvents',
        'redeemWorn',
        'redeemWorn',
        'wear',
      ] as const)
    ) {
      case 'checkin':
        return { kind: 'checkin', who, skewMs: pick([-1, 0, 0, 1]) };
      case 'adjust':
        return { kind: 'adjust', who, delta: pick([30, 80, 200, 200, -20, -60]), request: int(12), byModerator: rnd() < 0.3 };
      case 'redeem':
        return { kind: 'redeem', who, item: int(3), quantity: pick([1, 1, 2]), request: int(6), address: rnd() < 0.6 };
      case 'ship':
        return { kind: 'ship', order: int(50) };
      case 'cancel':
        return { kind: 'cancel', order: int(50), cash: rnd() < 0.5 };
      case 'fulfil':
        return { kind: 'fulfil', order: int(50) };
      case 'draw':
        return { kind: 'draw', who, request: int(6) };
      case 'post':
        return { kind: 'post', who, story: stories++ };
      case 'approve':
        return { kind: 'approve', post: int(20), points: pick([50, 80, 200]), byModerator: rnd() < 0.3 };
      case 'revoke':
        return { kind: 'revoke', post: int(20) };
      case 'like':
        return { kind: 'like', who, post: int(20) };
      case 'invite':
        return { kind: 'invite', inviter: who, newcomer: newcomers++ };
      case 'loadCodes':
        return { kind: 'loadCodes', coupon: pick([0, 1] as const), codes: [int(12), int(12), int(12)] };
      case 'ban':
        // The moderator often: a ban must also take away staff powers.
        return { kind: 'ban', who: rnd() < 0.4 ? MEMBERS.indexOf('o_mod') : who, banned: rnd() < 0.5 };
      case 'profile':
        return { kind: 'profile', who, name: int(3) };
      case 'rollup':
        return { kind: 'rollup' };
      case 'expire':
        return { kind: 'expire' };
      case 'makeUp':
        return { kind: 'makeUp', who, back: 1 + int(8), request: int(6) };
      case 'campaign':
        return { kind: 'campaign', variant: pick([0, 1, 2, 3, 4] as const), pick: int(6) };
      case 'reviewTiers':
        return { kind: 'reviewTiers' };
      case 'awards':
        return { kind: 'awards' };
      case 'transfer':
        return { kind: 'transfer', who, to: int(MEMBERS.length), amount: pick([10, 40, 90]), request: int(6) };
      case 'startPool':
        return { kind: 'startPool', who, request: int(4) };
      case 'donationPool':
        return { kind: 'donationPool', goal: pick([50, 120, 300]) };
      case 'contribute':
        return { kind: 'contribute', who, pool: int(4), points: pick([10, 30, 60, 120]), request: int(6) };
      case 'settlePools':
        return { kind: 'settlePools' };
      case 'cashRedeem':
        return { kind: 'cashRedeem', who, request: int(4), payNow: rnd() < 0.5 };
      case 'pay':
        return { kind: 'pay', order: int(4), success: rnd() < 0.8 };
      case 'expireUnpaid':
        return { kind: 'expireUnpaid' };
      case 'settleRefunds':
        return { kind: 'settleRefunds' };
      case 'bulkAward':
        return { kind: 'bulkAward', members: 1 + int(2 ** MEMBERS.length - 1), request: int(4) };
      case 'runBatches':
        return { kind: 'runBatches' };
      case 'subscribe':
        return { kind: 'subscribe', who, hour: int(24) };
      case 'remind':
        return { kind: 'remind' };
      case 'importBalances':
        return { kind: 'importBalances', request: int(3) };
      case 'broadcast':
        return { kind: 'broadcast', request: int(8) };
      case 'purchase':
        return { kind: 'purchase', who, amountFen: pick([990, 4_500, 9_900]), request: int(10), twice: rnd() < 0.3 };
      case 'refundPurchase':
        return { kind: 'refundPurchase', pick: int(6), request: int(4) };
      case 'verify':
        return { kind: 'verify', order: int(50), twice: rnd() < 0.3 };
      case 'comment':
        return { kind: 'comment', who, post: int(20), text: int(COMMENTS.length), request: int(6) };
      case 'removeComment':
        return { kind: 'removeComment', pick: int(8) };
      case 'event':
        return { kind: 'event', hoursAhead: pick([0.5, 2, 30]), capacity: 1 + int(2) };
      case 'signUp':
        return { kind: 'signUp', who, event: int(4), cancel: rnd() < 0.2 };
      case 'attend':
        return { kind: 'attend', who, event: int(4), twice: rnd() < 0.3 };
      case 'remindEvents':
        return { kind: 'remindEvents' };
      case 'claimBalance':
        return { kind: 'claimBalance', who, row: int(8), byOwner: rnd() < 0.3, request: int(6) };
      case 'bindGroup':
        return { kind: 'bindGroup', group: int(3), elsewhere: rnd() < 0.5 };
      case 'redeemWorn':
        return { kind: 'redeemWorn', who, item: pick([0, 1] as const), request: int(6), twice: rnd() < 0.3 };
      case 'wear':
        return { kind: 'wear', who, item: pick([0, 1] as const), off: rnd() < 0.3 };
    }
  };
  const bursts: Burst[] = [];
  for (let made = 0; made < totalOps;) {
    const ops = Array.from({ length: Math.min(totalOps - made, 1 + int(6)) }, op);
    made += ops.length;
    const boundary = rnd() < 0.15 ? pick([-1, 0, 1] as const) : null;
    bursts.push({ advanceMs: pick([0, 60_000, 3_600_000, 6 * 3_600_000, DAY_MS, 2 * DAY_MS]), boundary, ops });
  }
  return bursts;
}

interface World {
  h: Harness;
  c: string;
  /** A second community, owned by o_owner2, competing for the same WeChat groups. */
  other: string;
  items: string[];
  drawId: string;
  orders: string[];
  /** Who placed each order: only they may give its address. */
  buyers: Map<string, string>;
  posts: string[];
  campaigns: string[];
  pools: string[];
  /** Events announced, to sign up for and attend. */
  events: string[];
  /** Comments made, for removals. */
  comments: string[];
  /** Purchase entries credited, for returns. */
  purchases: string[];
  /** Points + cash orders, for payment results. */
  cashOrders: string[];
  /** Points + cash orders seen paid in their window: cancelling one must give its money back. */
  paidOrders: string[];
  /** The worn rewards: a title for WORN_DAYS days and a frame for good. */
  worn: [string, string];
  /** Stock given to each reward (set, plus codes added) and to each prize. */
  stockGiven: Map<string, number>;
  /** Successful answers per request: every replay of one must be the same. */
  answers: Map<string, string>;
  /** As of the last check: who was banned, how many entries each member had, and the audit log. */
  bannedBefore: Set<string>;
  auditBefore: Set<string>;
  entriesBefore: Map<string, number>;
  /** The burst's time, each check-in reminder sent (`openid|community day`), each announcement sent (`openid|title`). */
  sent: { now: number; reminded: string[]; announced: string[] };
  /** Announcement acceptances each member was answered with, summed: no more can have been sent. */
  accepted: Map<string, number>;
}

async function setUp(kind: StoreKind | (() => Store)): Promise<World> {
  // Messages are recorded with the burst's day, to check reminders go once a day.
  const sent: { now: number; reminded: string[]; announced: string[] } = { now: START, reminded: [], announced: [] };
  const platform = localPlatform();
  const messages: Messenger = {
    async send(message) {
      if (message.purpose === 'checkinReminder') sent.reminded.push(`${message.openid}|${dayOf(new Date(sent.now), DEFAULT_TIMEZONE)}`);
      if (message.purpose === 'announcement') sent.announced.push(`${message.openid}|${message.subject}`);
      return platform.messages.send(message);
    },
  };
  const h = sqliteHarness(typeof kind === 'function' ? kind() : openStore(kind), { ...platform, messages });
  const as = { openid: 'o_owner', now: new Date(START).toISOString() };
  const { community } = await h.ok('community', 'create', { name: '模型检查群' }, as);
  const c = community.id as string;
  const other = (await h.ok('community', 'create', { name: '隔壁群' }, { ...as, openid: 'o_owner2' })).community.id as string;
  await h.ok('community', 'updateRules', { communityId: c, rules: CHECK_PATCH }, as);
  for (const openid of MEMBERS) await h.ok('community', 'join', { communityId: c, nickname: openid.slice(2) }, { ...as, openid });
  await h.ok('community', 'setRole', { communityId: c, openid: 'o_mod', role: 'moderator' }, as);
  const physical = (
    await h.ok('mall', 'upsertItem', { communityId: c, item: { name: '周边', pointsPrice: 60, stock: 6, perMemberLimit: 3 } }, as)
  ).item;
  const coupon = (await h.ok('mall', 'upsertItem', { communityId: c, item: { name: '券', kind: 'coupon', pointsPrice: 40, stock: 0 } }, as))
    .item;
  const draw = (
    await h.ok(
      'mall',
      'upsertDraw',
      { communityId: c, draw: { name: '转盘', costPoints: 20, prizes: [{ name: '小礼', weight: 3000, stock: 3, kind: 'service' }] } },
      as,
    )
  ).draw;
  const pooled = (
    await h.ok('mall', 'upsertItem', { communityId: c, item: { name: '大件', pointsPrice: 150, stock: 3, perMemberLimit: 2 } }, as)
  ).item;
  const cash = (
    await h.ok('mall', 'upsertItem', { communityId: c, item: { name: '加钱购', pointsPrice: 30, cashPrice: 990, stock: 4 } }, as)
  ).item;
  // A second coupon reward: the same codes are offered to both, and each must be issued once in the community.
  const coupon2 = (
    await h.ok('mall', 'upsertItem', { communityId: c, item: { name: '券二', kind: 'coupon', pointsPrice: 25, stock: 0 } }, as)
  ).item;
  // Worn rewards: a title for two days (bought again, it extends) and a frame for good (bought once).
  const title = (
    await h.ok(
      'mall',
      'upsertItem',
      { communityId: c, item: { name: '称号', kind: 'title', wear: { look: '元老', days: WORN_DAYS }, pointsPrice: 15, stock: 20 } },
      as,
    )
  ).item;
  const frame = (
    await h.ok(
      'mall',
      'upsertItem',
      { communityId: c, item: { name: '头像框', kind: 'frame', wear: { look: 'gold' }, pointsPrice: 25, stock: 4 } },
      as,
    )
  ).item;
  const stockGiven = new Map([
    [physical.id, 6],
    [coupon.id, 0],
    [pooled.id, 3],
    [cash.id, 4],
    [coupon2.id, 0],
    [title.id, 20],
    [frame.id, 4],
    [`${draw.id}:${draw.prizes[0].id}`, 3],
  ]);
  return {
    h,
    c,
    other,
    items: [physical.id, coupon.id, pooled.id, cash.id, coupon2.id],
    worn: [title.id, frame.id],
    drawId: draw.id,
    orders: [],
    buyers: new Map(),
    posts: [],
    campaigns: [],
    pools: [],
    cashOrders: [],
    purchases: [],
    comments: [],
    events: [],
    paidOrders: [],
    stockGiven,
    sent,
    accepted: new Map(),
    answers: new Map(),
    bannedBefore: new Set(),
    auditBefore: new Set(),
    entriesBefore: new Map(),
  };
}

const at = (list: string[], index: number) => (list.length ? list[index % list.length] : 'none');
/** One of the last few: recent orders are the ones still open to fulfil or cancel. */
const recent = (list: string[], index: number) => (list.length ? list[Math.max(0, list.length - 1 - (index % 4))] : 'none');

type Reply = { ok: boolean; data?: any; error?: { code: string } };

/** Runs one operation; answers 'ok' or the error code. */
async function apply(w: World, op: Op, now: number): Promise<string> {
  const { h, c } = w;
  const when = (skew = 0) => new Date(now + skew).toISOString();
  const staff = { openid: 'o_owner', now: when() };
  // The moderator acts as staff too, and may be banned: then their staff actions must be refused.
  const staffOf = (byModerator: boolean) => (byModerator ? { openid: 'o_mod', now: when() } : staff);
  const outcome = (reply: Reply) => (reply.ok ? 'ok' : reply.error!.code);
  const replay = async (key: string, call: Promise<Reply>) => {
    const reply = await call;
    if (!reply.ok) return reply;
    const text = JSON.stringify(reply.data);
    const first = w.answers.get(key);
    if (first !== undefined && first !== text) throw new Error(`replay ${key} answered differently: ${first} then ${text}`);
    w.answers.set(key, text);
    return reply;
  };
  switch (op.kind) {
    case 'checkin':
      return outcome(await h.call('checkin', 'checkin', { communityId: c }, { openid: MEMBERS[op.who], now: when(op.skewMs) }));
    case 'adjust': {
      const params = {
        communityId: c,
        openid: MEMBERS[op.who],
        delta: op.delta,
        reason: '模型',
        requestId: `adj-${op.who}-${op.request}-xxxx`,
      };
      const by = staffOf(op.byModerator);
      return outcome(await replay(`adjust:${by.openid}:${JSON.stringify(params)}`, h.call('points', 'adjust', params, by)));
    }
    case 'redeem': {
      const params = {
        communityId: c,
        itemId: w.items[[0, 1, 4][op.item]],
        quantity: op.quantity,
        requestId: `red-${op.request}-xxxx`,
        ...(op.address ? { shipping: SHIPPING } : {}),
      };
      const who = MEMBERS[op.who];
      const reply = await replay(`redeem:${who}:${JSON.stringify(params)}`, h.call('mall', 'redeem', params, { openid: who, now: when() }));
      if (reply.ok) {
        w.orders.push(reply.data.order.id);
        w.buyers.set(reply.data.order.id, who);
      }
      return outcome(reply);
    }
    case 'cancel':
      // Paid points + cash orders often: one cancelled must give its money back.
      return outcome(
        await h.call(
          'mall',
          'cancel',
          { communityId: c, orderId: recent(op.cash && w.paidOrders.length ? w.paidOrders : w.orders, op.order), reason: '模型取消' },
          staff,
        ),
      );
    case 'fulfil':
      // Shipped with a courier and tracking number half the time.
      return outcome(
        await h.call(
          'mall',
          'fulfil',
          {
            communityId: c,
            orderId: recent(w.orders, op.order),
            ...(op.order % 2 ? { courier: '顺丰速运', trackingNo: `SF${op.order}0000` } : {}),
          },
          staff,
        ),
      );
    case 'draw': {
      const who = MEMBERS[op.who];
      const params = { communityId: c, drawId: w.drawId, requestId: `drw-${op.request}-xxxx` };
      const reply = await replay(`draw:${who}:${JSON.stringify(params)}`, h.call('mall', 'draw', params, { openid: who, now: when() }));
      if (reply.ok && reply.data.orderId) {
        w.orders.push(reply.data.orderId);
        w.buyers.set(reply.data.orderId, who);
      }
      return outcome(reply);
    }
    case 'post': {
      const body = `${STORIES[op.story % STORIES.length]}（第 ${op.story} 篇）`;
      const reply = await h.call('posts', 'create', { communityId: c, body }, { openid: MEMBERS[op.who], now: when() });
      if (reply.ok) w.posts.push(reply.data.post.id);
      return outcome(reply);
    }
    case 'approve':
      return outcome(
        await h.call(
          'posts',
          'review',
          { communityId: c, postId: at(w.posts, op.post), decision: 'approve', points: op.points },
          staffOf(op.byModerator),
        ),
      );
    case 'revoke':
      return outcome(await h.call('posts', 'revoke', { communityId: c, postId: at(w.posts, op.post), reason: '模型下架' }, staff));
    case 'like':
      return outcome(
        await h.call('posts', 'like', { communityId: c, postId: at(w.posts, op.post) }, { openid: MEMBERS[op.who], now: when() }),
      );
    case 'invite': {
      const invite = await h.call('referral', 'invite', { communityId: c }, { openid: MEMBERS[op.inviter], now: when() });
      if (!invite.ok) return outcome(invite);
      const newcomer = `o_new${op.newcomer}`;
      const joined = await h.call(
        'community',
        'join',
        { communityId: c, inviteCode: invite.data.inviteCode, nickname: `新人${op.newcomer}` },
        { openid: newcomer, now: when() },
      );
      if (!joined.ok) return outcome(joined);
      return outcome(await h.call('checkin', 'checkin', { communityId: c }, { openid: newcomer, now: when() }));
    }
    case 'loadCodes': {
      const itemId = w.items[op.coupon ? 4 : 1];
      const reply = await h.call('mall', 'loadCodes', { communityId: c, itemId, codes: op.codes.map((n) => `CODE-${n}`) }, staff);
      if (reply.ok) w.stockGiven.set(itemId, w.stockGiven.get(itemId)! + reply.data.added);
      return outcome(reply);
    }
    case 'ship': {
      const orderId = recent(w.orders, op.order);
      return outcome(
        await h.call(
          'mall',
          'setShipping',
          { communityId: c, orderId, shipping: SHIPPING },
          { openid: w.buyers.get(orderId) ?? 'o_m0', now: when() },
        ),
      );
    }
    case 'ban':
      return outcome(
        await h.call('community', 'ban', { communityId: c, openid: MEMBERS[op.who], banned: op.banned, reason: '模型' }, staff),
      );
    case 'profile':
      return outcome(
        await h.call(
          'community',
          'updateProfile',
          { communityId: c, nickname: `${MEMBERS[op.who].slice(2)}-${op.name}` },
          { openid: MEMBERS[op.who], now: when() },
        ),
      );
    case 'rollup':
      return outcome(await h.call('jobs', 'rollupStats', {}, { openid: null, source: 'wx_trigger', now: when() }));
    case 'expire': {
      const reply = await h.call('jobs', 'expirePoints', {}, { openid: null, source: 'wx_trigger', now: when() });
      return reply.ok && reply.data.expiredPoints > 0 ? 'ok' : outcome(reply) === 'ok' ? 'nothing due' : outcome(reply);
    }
    case 'makeUp': {
      const who = MEMBERS[op.who];
      const day = new Date(now + 8 * 3_600_000 - op.back * DAY_MS).toISOString().slice(0, 10);
      const params = { communityId: c, day, requestId: `mku-${op.request}-${day}` };
      return outcome(
        await replay(`makeUp:${who}:${JSON.stringify(params)}`, h.call('checkin', 'makeUp', params, { openid: who, now: when() })),
      );
    }
    case 'campaign': {
      const window = { startsAt: new Date(now - 3_600_000).toISOString(), endsAt: new Date(now + 3 * DAY_MS).toISOString() };
      const campaign = [
        // Some are pilots: half the members by hash, or the segment as it stands.
        {
          kind: 'multiplier',
          name: '双倍',
          actions: ['checkin', 'like', 'post'],
          multiplier: 2,
          ...window,
          ...(op.pick % 2 ? { pilot: { share: 50 } } : {}),
        },
        {
          kind: 'challenge',
          name: '三连',
          metric: 'checkins',
          target: 3,
          bonusPoints: 25,
          ...window,
          ...(op.pick % 3 === 0 ? { pilot: { segment: 'active' } } : {}),
        },
        {
          kind: 'winback',
          name: '回归',
          inactiveDays: 3,
          bonusPoints: 15,
          ...window,
          ...(op.pick % 2 ? { pilot: { segment: 'at_risk' } } : {}),
        },
        {
          kind: 'rules',
          name: '试行',
          rules: { checkin: { points: 8, streakBonus: 20 }, like: { points: 2 } },
          ...window,
          ...(op.pick % 2 ? { pilot: { share: 50 } } : {}),
        },
      ][op.variant];
      if (!campaign) return outcome(await h.call('campaigns', 'end', { communityId: c, campaignId: at(w.campaigns, op.pick) }, staff));
      const reply = await h.call('campaigns', 'upsert', { communityId: c, campaign }, staff);
      if (reply.ok) w.campaigns.push(reply.data.campaign.id);
      return outcome(reply);
    }
    case 'reviewTiers':
      return outcome(await h.call('jobs', 'reviewTiers', {}, { openid: null, source: 'wx_trigger', now: when() }));
    case 'awards':
      return outcome(await h.call('jobs', 'monthlyAwards', {}, { openid: null, source: 'wx_trigger', now: when() }));
    case 'transfer': {
      const who = MEMBERS[op.who];
      const params = { communityId: c, to: MEMBERS[op.to], amount: op.amount, requestId: `gift-${op.request}-${op.to}-${op.amount}` };
      return outcome(
        await replay(`transfer:${who}:${JSON.stringify(params)}`, h.call('points', 'transfer', params, { openid: who, now: when() })),
      );
    }
    case 'startPool': {
      const who = MEMBERS[op.who];
      const params = { communityId: c, itemId: w.items[2], requestId: `pool-${op.request}-xxxx` };
      const reply = await replay(
        `startPool:${who}:${JSON.stringify(params)}`,
        h.call('pools', 'start', params, { openid: who, now: when() }),
      );
      if (reply.ok && !w.pools.includes(reply.data.pool.id)) w.pools.push(reply.data.pool.id);
      return outcome(reply);
    }
    case 'donationPool': {
      const reply = await h.call(
        'pools',
        'upsert',
        { communityId: c, pool: { name: '捐赠', goalPoints: op.goal, endsAt: new Date(now + 2 * DAY_MS).toISOString() } },
        staff,
      );
      if (reply.ok) w.pools.push(reply.data.pool.id);
      return outcome(reply);
    }
    case 'contribute': {
      const who = MEMBERS[op.who];
      const params = { communityId: c, poolId: recent(w.pools, op.pool), points: op.points, requestId: `back-${op.request}-${op.points}` };
      return outcome(
        await replay(`contribute:${who}:${JSON.stringify(params)}`, h.call('pools', 'contribute', params, { openid: who, now: when() })),
      );
    }
    case 'settlePools':
      return outcome(await h.call('jobs', 'settlePools', {}, { openid: null, source: 'wx_trigger', now: when() }));
    case 'cashRedeem': {
      const who = MEMBERS[op.who];
      const params = { communityId: c, itemId: w.items[3], requestId: `cash-${op.request}-xxxx`, shipping: SHIPPING };
      // A replay answers the first answer, payment parameters and all, whatever became of the order since.
      const reply = await replay(
        `cashRedeem:${who}:${JSON.stringify(params)}`,
        h.call('mall', 'redeem', params, { openid: who, now: when() }),
      );
      if (reply.ok && !w.orders.includes(reply.data.order.id)) {
        w.orders.push(reply.data.order.id);
        w.cashOrders.push(reply.data.order.id);
        w.buyers.set(reply.data.order.id, who);
      }
      // Paid at once, within its window: an order that may then be shipped, or cancelled with its money refunded.
      if (reply.ok && op.payNow) {
        const paid = await playPayment(h.deps, reply.data.order.id, true, new Date(now));
        if (paid.ok && (paid.data as { outcome: string }).outcome === 'paid') w.paidOrders.push(reply.data.order.id);
      }
      return outcome(reply);
    }
    case 'pay': {
      const reply = await playPayment(h.deps, recent(w.cashOrders, op.order), op.success, new Date(now));
      if (reply.ok && (reply.data as { outcome: string }).outcome === 'paid')
        w.paidOrders.push((reply.data as { order: { id: string } }).order.id);
      return outcome(reply);
    }
    case 'expireUnpaid':
      return outcome(await h.call('jobs', 'expireUnpaid', {}, { openid: null, source: 'wx_trigger', now: when() }));
    case 'settleRefunds':
      return outcome(await h.call('jobs', 'settleRefunds', {}, { openid: null, source: 'wx_trigger', now: when() }));
    case 'bulkAward': {
      // A subset of the members (and one stranger), by bits; the same request id with another subset is refused.
      const openids = [...MEMBERS.filter((_, i) => op.members & (1 << i)), 'o_stranger'];
      return outcome(
        await h.call(
          'points',
          'bulkAward',
          { communityId: c, openids, delta: 15, reason: '模型批量', requestId: `bulk-${op.request}-xxxx` },
          staff,
        ),
      );
    }
    case 'runBatches':
      return outcome(await h.call('jobs', 'runBatches', {}, { openid: null, source: 'wx_trigger', now: when() }));
    case 'subscribe': {
      // Every third acceptance is for announcements: each lets one broadcast through as a message.
      if (op.hour % 3 !== 0)
        return outcome(
          await h.call(
            'notices',
            'subscribe',
            { communityId: c, kind: 'checkin_reminder', hour: op.hour },
            { openid: MEMBERS[op.who], now: when() },
          ),
        );
      const reply = await h.call(
        'notices',
        'subscribe',
        { communityId: c, kind: 'announcement' },
        { openid: MEMBERS[op.who], now: when() },
      );
      if (reply.ok) w.accepted.set(MEMBERS[op.who], (w.accepted.get(MEMBERS[op.who]) ?? 0) + 1);
      return outcome(reply);
    }
    case 'purchase': {
      // The member shows a fresh code; staff credit it — sometimes two staff at once, the same code.
      const who = MEMBERS[op.who];
      const shown = await h.call('points', 'memberCode', { communityId: c }, { openid: who, now: when() });
      if (!shown.ok) return outcome(shown);
      const code = (shown.data as { code: string }).code;
      const params = { communityId: c, code, amountFen: op.amountFen, requestId: `buy-${op.request}-${who}` };
      const credit = (by: { openid: string; now: string }, requestId: string) =>
        replay(`purchase:${by.openid}:${requestId}:${op.amountFen}`, h.call('points', 'purchase', { ...params, requestId }, by));
      const replies = await Promise.all([
        credit(staff, params.requestId),
        ...(op.twice ? [credit(staffOf(true), `${params.requestId}-2`)] : []),
      ]);
      if (replies.filter((r) => r.ok).length > 1) throw new Error(`one code credited ${replies.filter((r) => r.ok).length} purchases`);
      for (const reply of replies) if (reply.ok && reply.data.entry) w.purchases.push(reply.data.entry.id);
      return outcome(replies.find((r) => r.ok) ?? replies[0]);
    }
    case 'comment': {
      // A few texts, so copies and near-copies come up; the same request again must answer the same.
      const who = MEMBERS[op.who];
      const approved = (await all(h.store, 'posts', c)).filter((p) => p.status === 'approved').map((p) => p._id);
      const params = {
        communityId: c,
        postId: at(approved, op.post),
        body: COMMENTS[op.text],
        requestId: `comment-${op.request}-${op.post}`,
      };
      const reply = await replay(
        `comment:${who}:${JSON.stringify(params)}`,
        h.call('posts', 'comment', params, { openid: who, now: when() }),
      );
      if (reply.ok) w.comments.push(reply.data.comment.id);
      return outcome(reply);
    }
    case 'removeComment':
      return outcome(
        await h.call('posts', 'removeComment', { communityId: c, commentId: recent(w.comments, op.pick), reason: '模型删除' }, staff),
      );
    case 'event': {
      // Soon or later, small capacities: races for the last seat and attendance at the door both come up.
      const startsAt = new Date(now + op.hoursAhead * 3_600_000).toISOString();
      const reply = await h.call(
        'events',
        'upsert',
        {
          communityId: c,
          event: {
            title: '模型活动',
            startsAt,
            endsAt: new Date(Date.parse(startsAt) + 4 * DAY_MS).toISOString(),
            capacity: op.capacity,
            points: 12,
          },
        },
        staff,
      );
      if (reply.ok) w.events.push(reply.data.event.id);
      return outcome(reply);
    }
    case 'signUp': {
      const who = { openid: MEMBERS[op.who], now: when() };
      const eventId = recent(w.events, op.event);
      return outcome(
        op.cancel
          ? await h.call('events', 'cancel', { communityId: c, eventId }, who)
          : await h.call('events', 'signUp', { communityId: c, eventId, requestId: `sign-${op.who}-${op.event}` }, who),
      );
    }
    case 'attend': {
      const shown = await h.call('points', 'memberCode', { communityId: c }, { openid: MEMBERS[op.who], now: when() });
      if (!shown.ok) return outcome(shown);
      const scan = (by: { openid: string; now: string }) =>
        h.call(
          'events',
          'attend',
          { communityId: c, eventId: recent(w.events, op.event), code: (shown.data as { code: string }).code },
          by,
        );
      const replies = await Promise.all([scan(staff), ...(op.twice ? [scan(staffOf(true))] : [])]);
      return outcome(replies.find((r) => r.ok) ?? replies[0]);
    }
    case 'remindEvents':
      return outcome(await h.call('jobs', 'remindEvents', {}, { openid: null, source: 'wx_trigger', now: when() }));
    case 'redeemWorn': {
      // Sometimes the same member buys it twice at once (two requests): a title for good is sold once.
      const who = { openid: MEMBERS[op.who], now: when() };
      const buy = (requestId: string) => {
        const params = { communityId: c, itemId: w.worn[op.item], requestId };
        return replay(`redeem:${who.openid}:${JSON.stringify(params)}`, h.call('mall', 'redeem', params, who));
      };
      const replies = await Promise.all([buy(`worn-${op.request}-xxxx`), ...(op.twice ? [buy(`worn-${op.request}-yyyy`)] : [])]);
      for (const reply of replies) {
        if (!reply.ok) continue;
        w.orders.push(reply.data.order.id);
        w.buyers.set(reply.data.order.id, who.openid);
      }
      return outcome(replies.find((r) => r.ok) ?? replies[0]);
    }
    case 'wear':
      return outcome(
        await h.call(
          'community',
          'updateProfile',
          { communityId: c, wear: { [op.item === 0 ? 'title' : 'frame']: op.off ? null : w.worn[op.item] } },
          { openid: MEMBERS[op.who], now: when() },
        ),
      );
    case 'verify': {
      // The member shows an order's pickup code; staff scan it — sometimes two at once.
      const order = await h.store.get('orders', recent(w.orders, op.order));
      if (!order?.pickupCode) return 'none';
      const scan = (by: { openid: string; now: string }) => h.call('mall', 'verify', { communityId: c, pickupCode: order.pickupCode }, by);
      const replies = await Promise.all([scan(staff), ...(op.twice ? [scan(staffOf(true))] : [])]);
      if (replies.filter((r) => r.ok).length > 1) throw new Error(`order ${order._id} redeemed twice at once`);
      return outcome(replies.find((r) => r.ok) ?? replies[0]);
    }
    case 'refundPurchase':
      return outcome(
        await replay(
          `refundPurchase:${at(w.purchases, op.pick)}:${op.request}`,
          h.call(
            'points',
            'refundPurchase',
            { communityId: c, entryId: at(w.purchases, op.pick), reason: '模型退货', requestId: `refund-${op.request}-${op.pick}` },
            staff,
          ),
        ),
      );
    case 'broadcast':
      return outcome(
        await h.call(
          'notices',
          'broadcast',
          { communityId: c, title: `公告${op.request}`, body: '模型公告', requestId: `cast-${op.request}-xxxx` },
          { openid: 'o_owner', now: when() },
        ),
      );
    case 'remind':
      return outcome(await h.call('jobs', 'remind', {}, { openid: null, source: 'wx_trigger', now: when() }));
    case 'importBalances': {
      // Three sheets (a request id each); a sheet's rows share names with members and with each other.
      const file = Buffer.from(
        `姓名,积分\n${MEMBERS.slice(0, 3)
          .map((m, i) => `${m.slice(2)},${(op.request + 1) * 10 + i}`)
          .join('\n')}\n`,
      ).toString('base64');
      // A replay answers the same import as it stands now (rows claimed since).
      const reply = await h.call('points', 'importBalances', { communityId: c, file, requestId: `import-${op.request}-xxxx` }, staff);
      return outcome(reply.ok ? await replay(`import:${op.request}`, Promise.resolve({ ok: true, data: reply.data.import.id })) : reply);
    }
    case 'claimBalance': {
      // Any row of any import, open or claimed: a claimed one must be refused, never credited again.
      const imports = (await h.ok('points', 'imports', { communityId: c, limit: 10 }, staff)).imports as Array<{ id: string }>;
      if (!imports.length) return 'none';
      const { rows } = await h.ok(
        'points',
        'importRows',
        { communityId: c, importId: imports[op.row % imports.length].id, limit: 10 },
        staff,
      );
      if (!rows.length) return 'none';
      const code = rows[op.row % rows.length].code as string;
      const who = MEMBERS[op.who];
      const params = { communityId: c, code, requestId: `claim-${op.request}-${code}` };
      return op.byOwner
        ? outcome(
            await replay(`match:${JSON.stringify(params)}:${who}`, h.call('points', 'matchBalance', { ...params, openid: who }, staff)),
          )
        : outcome(
            await replay(`claim:${who}:${JSON.stringify(params)}`, h.call('points', 'claimBalance', params, { openid: who, now: when() })),
          );
    }
    case 'bindGroup': {
      const [communityId, openid] = op.elsewhere ? [w.other, 'o_owner2'] : [c, 'o_owner'];
      const groupCloudId = { cloudID: issueGroupCloudId(`G${op.group}`, new Date(now)) };
      return outcome(await h.call('community', 'bindGroup', { communityId, groupCloudId }, { openid, now: when() }));
    }
  }
}

/**
 * Every document of a collection in the community, paged by id (the cloud answers at most 1,000
 * at a time): read by `_id` alone, which needs no index, and kept by community here.
 */
async function all<K extends keyof Collections>(
  store: AppStore,
  collection: K,
  communityId: string,
): Promise<Array<Found<Collections[K]>>> {
  const rows: Array<Found<Collections[K]>> = [];
  for (let after = ''; ;) {
    const page = await store.find(collection, { where: { _id: { gt: after } }, orderBy: [['_id', 'asc']], limit: 1000 } as Query<
      Collections[K]
    >);
    // Every collection read here has communityId.
    rows.push(...page.filter((doc) => (doc as { communityId?: string }).communityId === communityId));
    if (page.length < 1000) return rows;
    after = page.at(-1)!._id;
  }
}

const pointsOf = ({ pointsIssued = 0, pointsSpent = 0, pointsExpired = 0, pointsReversed = 0 }: Partial<PointsTotals>): PointsTotals => ({
  pointsIssued,
  pointsSpent,
  pointsExpired,
  pointsReversed,
});

/** The books: what must hold after every burst, whatever ran and however it interleaved. */
export async function checkInvariants(w: World): Promise<void> {
  const { store } = w.h;
  const [members, ledger, items, orders, draws, posts, audit, events, statsDays, pools, backings, batches] = await Promise.all([
    all(store, 'members', w.c),
    all(store, 'ledger', w.c),
    all(store, 'items', w.c),
    all(store, 'orders', w.c),
    all(store, 'draws', w.c),
    all(store, 'posts', w.c),
    all(store, 'audit', w.c),
    all(store, 'activity', w.c),
    all(store, 'statsDays', w.c),
    all(store, 'pools', w.c),
    all(store, 'poolBackings', w.c),
    all(store, 'batches', w.c),
  ]);
  const [balanceImports, openingRows, campaigns, grams] = await Promise.all([
    all(store, 'balanceImports', w.c),
    all(store, 'openingBalances', w.c),
    all(store, 'campaigns', w.c),
    all(store, 'nameGrams', w.c),
  ]);
  const fail = (message: string): never => {
    throw new Error(message);
  };
  // Every member is found by every part of their nickname, and by no part of a name they left.
  for (const m of members) {
    const found = grams.filter((g) => g.openid === m.openid && g.sortKey).map((g) => g.sortKey!.split('|')[0]);
    if (found.sort().join(',') !== nameGrams(m.nickname).sort().join(','))
      fail(`${m.openid} named ${m.nickname} is found by ${found.join(',')}`);
  }
  checkWorn(w, members, orders, fail);
  // A check-in reminder goes at most once a day to a member.
  if (new Set(w.sent.reminded).size !== w.sent.reminded.length)
    fail(`a check-in reminder went twice in a day: ${w.sent.reminded.join(', ')}`);
  // A pilot campaign paid no one outside its pilot: its multiplied entries and its bonuses name it.
  for (const campaign of campaigns.filter((c) => c.pilot)) {
    for (const entry of ledger.filter((e) => e.detail?.campaignId === campaign._id)) {
      const member = members.find((m) => m.openid === entry.openid)!;
      if (!inPilot(campaign._id, campaign.pilot!, member))
        fail(`${entry.openid} is outside pilot ${campaign._id}, yet ${entry.id} paid by it`);
    }
  }
  // A redeemed order is fulfilled and waits no more; a cancelled one was never redeemed and waits no more.
  for (const o of orders.filter((order) => order.pickupCode)) {
    if (o.verifiedAt && (o.status !== 'fulfilled' || o.pickupState !== 'done'))
      fail(`order ${o._id} redeemed but ${o.status}/${o.pickupState}`);
    if (o.status === 'cancelled' && (o.verifiedAt || o.pickupState === 'waiting'))
      fail(`cancelled order ${o._id} redeemed or still waiting`);
    if (o.pickupState === 'waiting' && (o.verifiedAt || o.status === 'unpaid'))
      fail(`order ${o._id} waits though ${o.status}, redeemed ${o.verifiedAt}`);
  }
  // An event seats no more than its capacity, counts exactly its seats, and pays each attendee once.
  const [eventDocs, seats] = await Promise.all([all(store, 'events', w.c), all(store, 'eventSeats', w.c)]);
  for (const event of eventDocs) {
    const taken = seats.filter((s) => s.eventId === event._id && s.status === 'signedUp');
    if (event.signedUp !== taken.length) fail(`event ${event._id} counts ${event.signedUp}, seats ${taken.length}`);
    if (event.capacity !== null && taken.length > event.capacity) fail(`event ${event._id} seats ${taken.length} over ${event.capacity}`);
    const paid = ledger.filter((e) => e.refId === event._id && e.kind === 'earn');
    if (new Set(paid.map((e) => e.openid)).size !== paid.length) fail(`event ${event._id} paid someone twice`);
    if (paid.length !== taken.filter((s) => s.attendedAt).length)
      fail(`event ${event._id} paid ${paid.length}, attended ${taken.filter((s) => s.attendedAt).length}`);
  }
  // An event's reminder, once sent, went to each of its seats at most once (notice ids), and only to seats.
  const notices = await all(store, 'notices', w.c);
  for (const event of eventDocs.filter((e) => e.remindKey === null)) {
    const seated = new Set(seats.filter((s) => s.eventId === event._id).map((s) => s.openid));
    for (const n of notices.filter((x) => x.kind === 'event_reminder' && x.refId.startsWith(`${event._id}:`)))
      if (!seated.has(n.openid)) fail(`${n.openid} reminded of ${event._id} without a seat`);
  }
  // Comment points stay within the day's cap, none on one's own post, and a removal reverses once.
  const comments = await all(store, 'comments', w.c);
  const commentDays = new Map<string, number>();
  for (const e of ledger.filter((entry) => entry.id.includes(':comment:') && entry.kind === 'earn'))
    commentDays.set(`${e.openid}|${e.day}`, (commentDays.get(`${e.openid}|${e.day}`) ?? 0) + 1);
  for (const [key, n] of commentDays)
    if (n > CHECK_RULES.comment.dailyCap) fail(`${key}: ${n} comments paid, over the cap of ${CHECK_RULES.comment.dailyCap}`);
  for (const comment of comments) {
    const post = posts.find((p) => p._id === comment.postId);
    if (comment.points > 0 && post?.openid === comment.openid) fail(`comment ${comment._id} paid on its author's own post`);
    const reversed = ledger.filter((e) => e.kind === 'reverse' && e.refId === comment._id);
    if (reversed.length > 1 || (reversed.length && comment.status !== 'removed'))
      fail(`comment ${comment._id} reversed ${reversed.length} times while ${comment.status}`);
  }
  // Purchase points stay within a member's daily cap, and each purchase is reversed at most once.
  const purchaseDays = new Map<string, number>();
  for (const e of ledger.filter((entry) => typeof entry.detail?.amountFen === 'number'))
    purchaseDays.set(`${e.openid}|${e.day}`, (purchaseDays.get(`${e.openid}|${e.day}`) ?? 0) + e.delta);
  for (const [key, points] of purchaseDays)
    if (points > CHECK_RULES.purchase.dailyCap) fail(`${key}: ${points} purchase points, over the cap of ${CHECK_RULES.purchase.dailyCap}`);
  const reversals = ledger.filter((e) => e.kind === 'reverse' && e.id.includes(':purchase:'));
  if (new Set(reversals.map((e) => e.refId)).size !== reversals.length) fail('a purchase was reversed twice');
  // A broadcast reaches a member by message at most once, and never beyond the acceptances they gave.
  if (new Set(w.sent.announced).size !== w.sent.announced.length) fail(`an announcement went twice: ${w.sent.announced.join(', ')}`);
  for (const m of members) {
    const sentTo = w.sent.announced.filter((key) => key.startsWith(`${m.openid}|`)).length;
    if (sentTo + (m.announcementsLeft ?? 0) !== (w.accepted.get(m.openid) ?? 0))
      fail(`${m.openid}: ${sentTo} announcements sent and ${m.announcementsLeft ?? 0} left of ${w.accepted.get(m.openid) ?? 0} accepted`);
  }
  // A bulk award credits each member once; a finished one counts exactly the credits it made.
  for (const batch of batches.filter((b) => b.kind === 'award')) {
    const credits = ledger.filter((e) => e.refId === batch._id);
    if (new Set(credits.map((e) => e.openid)).size !== credits.length) fail(`batch ${batch._id} credited someone twice`);
    if (batch.status === 'done' ? credits.length !== batch.done : credits.length < batch.done)
      fail(`batch ${batch._id} ${batch.status} counts ${batch.done}, made ${credits.length} credits`);
  }
  for (const m of members) {
    const entries = ledger.filter((e) => e.openid === m.openid).sort((a, b) => a.seq - b.seq);
    let running = 0;
    entries.forEach((e, i) => {
      running += e.delta;
      if (e.seq !== i + 1) fail(`${m.openid}: entry ${e.id} is number ${e.seq}, expected ${i + 1}`);
      if (e.balanceAfter !== running) fail(`${m.openid}: entry ${e.id} says balanceAfter ${e.balanceAfter}, the ledger sums to ${running}`);
    });
    if (m.balance !== running) fail(`${m.openid}: balance ${m.balance}, ledger sum ${running}`);
    if (m.balance < 0) fail(`${m.openid}: negative balance ${m.balance}`);
    if ((m.seq ?? 0) !== entries.length) fail(`${m.openid}: account numbers ${m.seq} entries, ledger has ${entries.length}`);
    const lots = m.lots.reduce((sum, lot) => sum + lot.points, 0);
    if (lots !== m.balance) fail(`${m.openid}: lots hold ${lots}, balance ${m.balance}`);
    const earned = entries.reduce((sum, e) => sum + (countsAsEarned(e.kind, e.delta) ? e.delta : e.kind === 'reverse' ? e.delta : 0), 0);
    if (m.earnedTotal !== earned) fail(`${m.openid}: earnedTotal ${m.earnedTotal}, ledger earned ${earned}`);
  }
  const entryOf = new Map(ledger.map((e) => [e.id, e]));
  for (const item of items) {
    // An open pooled redemption holds its unit until it is funded (an order) or fails (back in stock).
    const reserved = pools.filter((p) => p.itemId === item._id && p.status === 'open').length;
    const taken = orders.filter((o) => o.itemId === item._id && o.status !== 'cancelled').reduce((sum, o) => sum + o.quantity, reserved);
    if (item.stock < 0) fail(`item ${item.name}: stock ${item.stock}`);
    if (item.stock + taken !== w.stockGiven.get(item._id))
      fail(`item ${item.name}: stock ${item.stock} + ordered ${taken} ≠ given ${w.stockGiven.get(item._id)}`);
    if (item.kind === 'coupon' && item.codes.length !== item.stock)
      fail(`item ${item.name}: ${item.codes.length} codes for stock ${item.stock}`);
  }
  const issued = orders.flatMap((o) => o.couponCodes);
  const waiting = items.flatMap((i) => i.codes);
  if (new Set([...issued, ...waiting]).size !== issued.length + waiting.length)
    fail(`a coupon code is issued twice or both issued and waiting: ${[...issued, ...waiting].join(',')}`);
  for (const draw of draws) {
    for (const prize of draw.prizes) {
      const won = orders.filter((o) => o.prize?.drawId === draw._id && o.prize.prizeId === prize.id && o.status !== 'cancelled').length;
      if (prize.stock < 0 || prize.stock + won !== w.stockGiven.get(`${draw._id}:${prize.id}`))
        fail(`prize ${prize.name}: stock ${prize.stock} + won ${won}`);
    }
  }
  for (const order of orders.filter((o) => !o.prize && !o.poolId)) {
    const spent = entryOf.get(`spend:${w.c}:${order.openid}:${order._id}`);
    if (!spent || spent.delta !== -order.points)
      fail(`order ${order._id}: spend entry ${JSON.stringify(spent)} for ${order.points} points`);
    const refunded = entryOf.get(`refund:${w.c}:${order.openid}:${order._id}`);
    if ((order.status === 'cancelled') !== Boolean(refunded) || (refunded && refunded.delta !== order.points))
      fail(`order ${order._id} (${order.status}): refund ${JSON.stringify(refunded)}`);
  }
  for (const post of posts) {
    const credit = ledger.filter((e) => e.kind === 'earn' && e.refId === post._id && e.id.startsWith('post:'));
    if (credit.length > 1) fail(`post ${post._id} credited ${credit.length} times`);
    if (post.credited && post.points > 0 && credit.length !== 1)
      fail(`post ${post._id} is credited but has ${credit.length} credit entries`);
    if (!post.credited && credit.length) fail(`post ${post._id} not credited, yet has a credit entry`);
  }
  // A member banned all through the last burst neither earned nor spent in it.
  for (const m of members) {
    if (m.banned && w.bannedBefore.has(m.openid)) {
      const fresh = ledger.filter(
        (e) => e.openid === m.openid && e.seq > (w.entriesBefore.get(m.openid) ?? 0) && (e.kind === 'earn' || e.kind === 'spend'),
      );
      if (fresh.length) fail(`${m.openid} is banned, yet ${fresh.map((e) => e.id).join(', ')} were posted`);
    }
  }
  // A member banned all through the last burst used no staff power in it: every staff change is audited.
  const fresh = audit.filter((e) => !w.auditBefore.has(e._id));
  const banChanged = new Set(fresh.filter((e) => e.action === 'community.ban').map((e) => e.target));
  for (const event of fresh) {
    const actor = members.find((m) => m.openid === event.actor);
    if (actor?.banned && w.bannedBefore.has(actor.openid) && !banChanged.has(actor.openid))
      fail(`${event.actor} is banned, yet did ${event.action} on ${event.target}`);
  }
  w.auditBefore = new Set(audit.map((e) => e._id));
  w.bannedBefore = new Set(members.filter((m) => m.banned).map((m) => m.openid));
  w.entriesBefore = new Map(members.map((m) => [m.openid, m.seq ?? 0]));
  // The audit log holds one event per staff change, none invented: each adjustment, each cancellation.
  const adjustEvents = audit.filter((e) => e.action === 'points.adjust').map((e) => e.detail.entryId);
  // A bulk award's credits are adjustments audited once, as the batch.
  const batchIds = new Set(batches.filter((b) => b.kind === 'award').map((b) => b._id));
  // Opening balances are adjustments too: the owner's matches are audited, a member's own claim is not a staff action.
  const importIds = new Set(balanceImports.map((i) => i._id));
  const adjustments = ledger
    .filter((e) => e.kind === 'adjust' && !batchIds.has(e.refId ?? '') && !importIds.has(e.refId ?? ''))
    .map((e) => e.id);
  // Each imported row is credited at most once, by the entry it names, to the member it names; an open row by none.
  const openingEntries = ledger.filter((e) => importIds.has(e.refId ?? ''));
  const claimedRows = openingRows.filter((r) => r.status === 'claimed');
  if (openingEntries.length !== claimedRows.length)
    fail(`${openingEntries.length} opening-balance credits for ${claimedRows.length} claimed rows`);
  for (const row of claimedRows) {
    const entry = openingEntries.find((e) => e.id === row.entryId);
    if (!entry || entry.openid !== row.claimedBy || entry.delta !== row.points)
      fail(`row ${row.importId}:${row.line} claimed by ${row.claimedBy} for ${row.points}, credited ${JSON.stringify(entry ?? null)}`);
  }
  for (const imported of balanceImports) {
    const batch = batches.find((b) => b._id === imported._id);
    const written = openingRows.filter((r) => r.importId === imported._id).length;
    if (batch?.status === 'done' ? written !== imported.rows : written > imported.rows)
      fail(`import ${imported._id}: ${written} rows written of ${imported.rows} (${batch?.status})`);
  }
  const matchEvents = audit.filter((e) => e.action === 'points.matchBalance').length;
  if (matchEvents !== claimedRows.filter((r) => r.claimedHow === 'owner').length)
    fail(`audited matches ${matchEvents}, rows the owner matched ${claimedRows.filter((r) => r.claimedHow === 'owner').length}`);
  if (audit.filter((e) => e.action === 'points.importBalances').length !== balanceImports.length)
    fail('an import is not audited exactly once');
  const batchEvents = audit.filter((e) => e.action === 'points.bulkAward').map((e) => e.target);
  if (JSON.stringify([...batchEvents].sort()) !== JSON.stringify([...batchIds].sort()))
    fail(`audited bulk awards ${batchEvents.length}, batches ${batchIds.size}`);
  if (JSON.stringify([...adjustEvents].sort()) !== JSON.stringify([...adjustments].sort()))
    fail(`audited adjustments ${adjustEvents.length}, ledger adjustments ${adjustments.length}`);
  const cancelEvents = audit.filter((e) => e.action === 'mall.cancel').map((e) => e.target);
  const cancelled = orders.filter((o) => o.status === 'cancelled' && o.cancelReason !== '超时未支付').map((o) => o._id);
  if (JSON.stringify([...cancelEvents].sort()) !== JSON.stringify([...cancelled].sort()))
    fail(`audited cancellations ${cancelEvents.length}, cancelled orders ${cancelled.length}`);
  // A member's day of activity is marked once, and their last active day is their last mark.
  const marks = [
    ...ledger.filter((e) => e.active).map((e) => ({ openid: e.openid, day: e.day, timeKey: e.timeKey, kind: 'entry' as const, e })),
    ...events.filter((e) => e.active).map((e) => ({ openid: e.openid, day: e.day, timeKey: e.timeKey, kind: 'event' as const, e })),
  ];
  const markKeys = marks.map((m) => `${m.openid}:${m.day}`);
  if (new Set(markKeys).size !== markKeys.length)
    fail(`a member's day is marked active twice: ${markKeys.filter((k, i) => markKeys.indexOf(k) !== i).join(', ')}`);
  for (const m of members) {
    const last = marks.filter((mark) => mark.openid === m.openid).reduce((max, mark) => (mark.day > max ? mark.day : max), '');
    if ((m.lastActiveDay ?? '') !== last) fail(`${m.openid}: last active ${m.lastActiveDay}, last marked ${last}`);
  }
  // The rollup counted exactly what lies before its positions in the streams: no record twice, none skipped.
  const stats = await store.get('stats', w.c);
  if (stats) {
    const counted = ledger.filter((e) => e.timeKey <= stats.ledgerAfter);
    const totals = counted.reduce<PointsTotals>((sum, e) => addCounts(sum, pointsOf(entryCounts({ ...e, id: e._id }))), {
      pointsIssued: 0,
      pointsSpent: 0,
      pointsExpired: 0,
      pointsReversed: 0,
    });
    if (JSON.stringify(totals) !== JSON.stringify(stats.totals))
      fail(`rollup totals ${JSON.stringify(stats.totals)}, the ledger before its position ${JSON.stringify(totals)}`);
    const active = new Map<string, number>();
    for (const mark of marks)
      if (mark.timeKey <= (mark.kind === 'entry' ? stats.ledgerAfter : stats.activityAfter))
        active.set(mark.day, (active.get(mark.day) ?? 0) + 1);
    for (const day of statsDays)
      if (day.activeMembers !== (active.get(day.day) ?? 0))
        fail(`rollup says ${day.activeMembers} active on ${day.day}, the marks before its positions ${active.get(day.day) ?? 0}`);
  }
  // Nothing physical is shipped without an address.
  for (const order of orders)
    if (order.kind === 'physical' && order.status === 'fulfilled' && !order.shipping)
      fail(`order ${order._id} was fulfilled without an address`);
  const referralPayments = ledger.filter((e) => e.id.startsWith('referral:'));
  if (new Set(referralPayments.map((e) => e.id)).size !== referralPayments.length) fail('a referral paid twice');
  checkEngagement(members, ledger);
  // A gift leaves one account exactly when it arrives in another: every sent entry has its received twin.
  const gifts = ledger.filter((e) => e.kind === 'transfer');
  const sent = gifts.filter((e) => e.delta < 0);
  for (const e of sent) {
    const twin = gifts.find((g) => g.delta === -e.delta && g.refId === e.refId && g._id !== e._id);
    if (!twin) fail(`transfer ${e._id} has no received entry`);
  }
  if (gifts.reduce((sum, e) => sum + e.delta, 0) !== 0) fail('transfers do not net to zero');
  checkCirculation(pools, backings, orders, ledger, w.c);
  await checkGroups(w);
}

/** A WeChat group belongs to one community at most: its binding, and only that community's list, name it. */
/**
 * Worn rewards: each owned once and done the moment it was bought (never shipped or scanned); a
 * frame for good is sold to a member once however the requests race; a timed title is worn no
 * longer than the days its orders paid for (each extends from when the last would run out).
 */
function checkWorn(w: World, members: Array<Found<MemberDoc>>, orders: Array<Found<OrderDoc>>, fail: (message: string) => never): void {
  const [title, frame] = w.worn;
  for (const order of orders.filter((o) => o.itemId === title || o.itemId === frame)) {
    if (order.status !== 'fulfilled' || order.pickupCode)
      fail(`worn order ${order._id} is ${order.status}${order.pickupCode ? ' with a pickup code' : ''}`);
  }
  for (const m of members) {
    const wardrobe = m.wardrobe ?? [];
    if (new Set(wardrobe.map((x) => x.itemId)).size !== wardrobe.length)
      fail(`${m.openid} owns one reward twice: ${JSON.stringify(wardrobe)}`);
    const bought = (itemId: string) =>
      orders.filter((o) => o.itemId === itemId && o.openid === m.openid).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    if (bought(frame).length > 1) fail(`${m.openid} bought the frame for good ${bought(frame).length} times`);
    const titles = bought(title);
    const held = wardrobe.find((x) => x.itemId === title);
    if (!held || !titles.length) continue;
    const last = Date.parse(titles.at(-1)!.createdAt);
    const until = Date.parse(held.until!);
    if (until > last + titles.length * WORN_DAYS * DAY_MS || until < last + WORN_DAYS * DAY_MS)
      fail(`${m.openid}'s title runs till ${held.until}, after ${titles.length} orders, the last at ${titles.at(-1)!.createdAt}`);
  }
}

async function checkGroups(w: World): Promise<void> {
  const store = w.h.store as AppStore;
  const [mine, theirs] = await Promise.all([w.c, w.other].map((id) => store.get('communities', id)));
  const listed = [...(mine?.groups ?? []).map((g) => [g, w.c]), ...(theirs?.groups ?? []).map((g) => [g, w.other])];
  for (const [group, communityId] of listed) {
    const binding = await store.get('groupBindings', group);
    if (binding?.communityId !== communityId)
      throw new Error(`group ${group} is listed by ${communityId}, bound to ${binding?.communityId}`);
  }
  if (new Set(listed.map(([g]) => g)).size !== listed.length)
    throw new Error(`a group is listed by both communities: ${JSON.stringify(listed)}`);
}

/** Pools never pass their goal and hold exactly what their backers paid; refunds once; cash orders paid once. */
function checkCirculation(
  pools: Array<Found<PoolDoc>>,
  backings: Array<Found<BackingDoc>>,
  orders: Array<Found<OrderDoc>>,
  ledger: Array<Found<LedgerDoc>>,
  c: string,
): void {
  const fail = (message: string): never => {
    throw new Error(message);
  };
  for (const pool of pools) {
    const mine = backings.filter((b) => b.poolId === pool._id);
    if (pool.raised > pool.goalPoints) fail(`pool ${pool._id} raised ${pool.raised} over its goal ${pool.goalPoints}`);
    if (mine.reduce((sum, b) => sum + b.points, 0) !== pool.raised)
      fail(`pool ${pool._id} raised ${pool.raised}, its backings hold ${mine.reduce((sum, b) => sum + b.points, 0)}`);
    if (mine.length !== pool.backers) fail(`pool ${pool._id} counts ${pool.backers} backers, has ${mine.length}`);
    if ((pool.status === 'funded') !== (pool.raised === pool.goalPoints && pool.raised > 0) && pool.status !== 'failed')
      fail(`pool ${pool._id} is ${pool.status} at ${pool.raised}/${pool.goalPoints}`);
    const order = orders.find((o) => o.poolId === pool._id);
    if (pool.kind === 'pooled' && pool.raised === pool.goalPoints && !order) fail(`funded pool ${pool._id} has no order`);
    for (const b of mine) {
      const paid = ledger
        .filter((e) => e.openid === b.openid && e.refId === pool._id && e.id.startsWith('pool:'))
        .reduce((sum, e) => sum - e.delta, 0);
      if (paid !== b.points) fail(`backing ${b._id} holds ${b.points}, its entries paid ${paid}`);
      const refund = ledger.filter((e) => e._id === `poolrefund:${c}:${b.openid}:${pool._id}`);
      if (b.refunded !== (refund.length === 1) || (refund[0] && refund[0].delta !== b.points))
        fail(`backing ${b._id} refunded ${b.refunded}, refund entries ${JSON.stringify(refund)}`);
      if (b.refunded && pool.status !== 'failed') fail(`backing ${b._id} refunded from a ${pool.status} pool`);
    }
  }
  for (const order of orders.filter((o) => o.payment)) {
    const { paidAt } = order.payment!;
    if (order.status === 'unpaid' && paidAt) fail(`order ${order._id} is paid yet unpaid`);
    if ((order.status === 'pending' || order.status === 'fulfilled') && !paidAt)
      fail(`order ${order._id} is ${order.status} without a payment`);
    if (order.paidAfterExpiry && (order.status !== 'cancelled' || !paidAt))
      fail(`order ${order._id} paid after expiry yet ${order.status}`);
    if (paidAt && paidAt >= order.payment!.expiresAt && !order.paidAfterExpiry)
      fail(`order ${order._id} paid at ${paidAt}, after its window closed at ${order.payment!.expiresAt}, as an ordinary payment`);
    // Money kept only for an order still for sale: collected cash of a cancelled order is on its way back, in full, once.
    if (order.status === 'cancelled' && paidAt && order.refund?.amountFen !== order.payment!.amountFen)
      fail(`order ${order._id} cancelled with ¥${order.payment!.amountFen} paid, refund ${JSON.stringify(order.refund)}`);
    if (order.refund && (order.status !== 'cancelled' || !paidAt))
      fail(`order ${order._id} ${order.status} ${paidAt ? 'paid' : 'unpaid'} has a refund`);
    if (order.refund && (order.refund.status === 'refunded') !== Boolean(order.refund.settledAt))
      fail(`order ${order._id} refund ${order.refund.status} settled at ${order.refund.settledAt}`);
  }
}

/** Engagement: once means once, counted where it was earned, and the limits hold. */
function checkEngagement(members: Array<Found<MemberDoc>>, ledger: Array<Found<LedgerDoc>>): void {
  const fail = (message: string): never => {
    throw new Error(message);
  };
  const rules = CHECK_RULES;
  for (const m of members) {
    const mine = ledger.filter((e) => e.openid === m.openid);
    const checkins = mine.filter((e) => e.id.startsWith('checkin:'));
    if ((m.counts?.checkins ?? 0) !== checkins.length)
      fail(`${m.openid}: counts ${m.counts?.checkins ?? 0} check-ins, the ledger ${checkins.length}`);
    // A counted badge is held exactly when its count reached it: both are written in one transaction.
    // (Streak badges come with real check-ins only, so a make-up may lengthen a streak ahead of its badge.)
    for (const badge of badgeWall(m)) {
      if (badge.key === 'star_month' || badge.key.startsWith('streak_')) continue;
      const reached = badge.progress.current >= badge.progress.target;
      if (reached !== Boolean(badge.earnedAt))
        fail(`${m.openid}: badge ${badge.key} earned ${badge.earnedAt}, progress ${JSON.stringify(badge.progress)}`);
    }
    if (Object.keys(m.badges ?? {}).some((k) => k.startsWith('streak_')) && !checkins.length)
      fail(`${m.openid}: a streak badge without a check-in`);
    // A task pays once, and only a task marked done.
    const tasks = mine.filter((e) => e.id.startsWith('task:'));
    for (const task of tasks)
      if (!m.tasks?.[task.detail?.task as keyof typeof m.tasks]) fail(`${m.openid}: paid task ${task.id} is not marked done`);
    for (const [key, done] of Object.entries(m.tasks ?? {})) {
      if (done && rules.tasks[key as keyof typeof rules.tasks] > 0 && !tasks.some((t) => t.detail?.task === key))
        fail(`${m.openid}: task ${key} done but never paid`);
    }
    // A challenge bonus once, to a member whose progress is done; a win-back once per campaign.
    for (const prefix of ['challenge:', 'winback:']) {
      const paid = mine.filter((e) => e.id.startsWith(prefix)).map((e) => e.refId);
      if (new Set(paid).size !== paid.length) fail(`${m.openid}: ${prefix} paid twice for one campaign`);
      if (prefix === 'challenge:')
        for (const id of paid) if (m.challenges?.[id!] && !m.challenges[id!].doneAt) fail(`${m.openid}: challenge ${id} paid but not done`);
    }
    // Make-ups: never a day also checked in, within the month's allowance.
    const madeUp = mine.filter((e) => e.id.startsWith('makeup:'));
    for (const e of madeUp)
      if (checkins.some((c) => c.id.endsWith(e.id.slice(e.id.lastIndexOf(':')))))
        fail(`${m.openid}: ${e.id} made up a day that was checked in`);
    const perMonth = new Map<string, number>();
    for (const e of madeUp) perMonth.set(e.day.slice(0, 7), (perMonth.get(e.day.slice(0, 7)) ?? 0) + 1);
    for (const [month, n] of perMonth) if (n > rules.makeUp.perMonth) fail(`${m.openid}: ${n} make-ups in ${month}`);
    // Rolling tiers: never below what the window earns (upgrades apply at once).
    const today = new Date(Math.max(...mine.map((e) => Date.parse(e.createdAt)), Date.parse(m.joinedAt)) + 8 * 3_600_000)
      .toISOString()
      .slice(0, 10);
    const view = tierOf(m, rules, today);
    if (view.index < tierIndexFor(windowPoints(m.recentEarned, today, rules.tierRetention.windowDays), rules.tiers))
      fail(`${m.openid}: holds ${view.name} below what the window earns`);
  }
}

export interface Failure {
  seed: number;
  store: StoreKind;
  error: string;
  bursts: Burst[];
}

/** How each kind of operation ended: kind -> answer ('ok' or an error code) -> count. */
export type Outcomes = Record<string, Record<string, number>>;

/**
 * Runs the bursts on a fresh store. `error`: the first broken invariant, unexpected error or
 * INTERNAL answer; null when the books held throughout.
 */
/** `kind`: one of the two stores, or any other store to hold to the same books (the real SDK's, in sdkAgreement.test.ts). */
export async function run(kind: StoreKind | (() => Store), bursts: Burst[]): Promise<{ error: string | null; outcomes: Outcomes }> {
  const w = await setUp(kind);
  const outcomes: Outcomes = {};
  let now = START;
  try {
    for (const burst of bursts) {
      now += burst.advanceMs;
      if (burst.boundary !== null) now = Math.ceil((now - 16 * 3_600_000) / DAY_MS) * DAY_MS + 16 * 3_600_000 + burst.boundary;
      w.sent.now = now;
      const answers = await Promise.all(burst.ops.map((op) => apply(w, op, now)));
      burst.ops.forEach((op, i) => {
        const counts = (outcomes[op.kind] ??= {});
        counts[answers[i]] = (counts[answers[i]] ?? 0) + 1;
      });
      const broken = answers.findIndex((answer) => answer === 'INTERNAL');
      if (broken >= 0) throw new Error(`${JSON.stringify(burst.ops[broken])} answered INTERNAL`);
      await checkInvariants(w);
    }
    return { error: null, outcomes };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error), outcomes };
  } finally {
    await w.h.store.close?.();
  }
}

/**
 * Shrinks a failing run: drops chunks of bursts, then single operations, keeping each cut that
 * still fails. Interleavings may differ between runs, so a cut is kept only if it fails again.
 */
export async function shrink(
  kind: StoreKind,
  bursts: Burst[],
  log: (message: string) => void = () => undefined,
): Promise<{ bursts: Burst[]; error: string }> {
  let current = bursts;
  let error = (await run(kind, current)).error ?? 'did not fail again';
  for (let chunk = Math.ceil(current.length / 2); chunk >= 1; chunk = Math.floor(chunk / 2)) {
    for (let start = 0; start < current.length;) {
      const candidate = [...current.slice(0, start), ...current.slice(start + chunk)];
      const broke = candidate.length ? (await run(kind, candidate)).error : null;
      if (broke) {
        current = candidate;
        error = broke;
        log(`  ${current.length} bursts still fail`);
      } else start += chunk;
    }
  }
  for (let b = 0; b < current.length; b++) {
    for (let o = 0; o < current[b].ops.length && current[b].ops.length > 1;) {
      const candidate = current.map((burst, i) => (i === b ? { ...burst, ops: burst.ops.filter((_, j) => j !== o) } : burst));
      const broke = (await run(kind, candidate)).error;
      if (broke) {
        current = candidate;
        error = broke;
      } else o++;
    }
  }
  return { bursts: current, error };
}
