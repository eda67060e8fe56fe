import { DEFAULT_RULES, mergeRules, rulesProblems } from '../../cloudfunctions/core/rules';
import {
  ADJUST_LIMITS,
  AWARD_LIMITS,
  BROADCAST_LIMITS,
  COMMENT_LIMIT,
  SHIPPING_LIMITS,
  PURCHASE_LIMITS,
  DONATION_LIMITS,
  CAMPAIGN_LIMITS,
  EVENT_LIMITS,
  RULE_LIMITS,
  TIER_LIMITS,
  REWARD_LIMITS,
  type NumberLimit,
} from '../../cloudfunctions/core/limits';
import { upsertCampaignInput } from '../../cloudfunctions/app/campaigns/inputs';
import { upsertEventInput } from '../../cloudfunctions/app/events/inputs';
import { rulesPatch, updateProfileInput } from '../../cloudfunctions/app/community/inputs';
import { adjustPointsInput, bulkAwardInput } from '../../cloudfunctions/app/points/inputs';
import { broadcastInput } from '../../cloudfunctions/app/notices/inputs';
import { upsertPoolInput } from '../../cloudfunctions/app/pools/inputs';
import { commentInput } from '../../cloudfunctions/app/posts/inputs';
import { adjustmentProblems } from './ConsoleStore';
import { awardProblems, broadcastProblems } from './ReachStore';
import { donationProblems } from './PoolsStore';
import { commentProblem } from './CommentsStore';
import { shippingProblems } from './MallStore';
import { amountProblem } from './PurchasesStore';
import { purchaseInput } from '../../cloudfunctions/app/purchases/inputs';
import { fenOfYuan } from '../../cloudfunctions/core/money';
import { birthdayProblem, normalBirthday } from './MeStore';
import { shippingInput, upsertItemInput } from '../../cloudfunctions/app/mall/inputs';
import { formOf, patchOf, rulesFormProblems, RULE_FIELDS, type RulesForm } from './RulesStore';
import { emptyRewardForm, rewardOf, rewardProblems, type RewardForm } from './MallAdminStore';
import { campaignOf, campaignProblems, emptyCampaignForm, type CampaignForm } from './CampaignsStore';
import { emptyEventForm, eventOf, eventProblems, type EventForm } from './EventsStore';

/**
 * The owner's forms and the server agree, value by value: what a form lets through the server
 * takes, and what the server refuses the form says before sending — at each bound, just inside
 * and just outside. Both sides read their bounds from core/limits, so this fails when either
 * side writes its own again.
 */
const around = (min: number, max: number, step: number) => [min - step, min, min + step, max - step, max, max + step];

describe('the rules form agrees with community.updateRules', () => {
  const serverTakes = (form: RulesForm) => {
    const parsed = rulesPatch.safeParse(patchOf(DEFAULT_RULES, form));
    return parsed.success && rulesProblems(mergeRules(DEFAULT_RULES, parsed.data)).length === 0;
  };
  const formTakes = (form: RulesForm) => Object.keys(rulesFormProblems(form)).length === 0;

  it('covers every numeric rule the server knows', () => {
    expect(RULE_FIELDS.map((f) => f.key).sort()).toEqual(Object.keys(RULE_LIMITS).sort());
  });

  it.each(RULE_FIELDS.map((f) => [f.key, f] as const))('%s: the same verdict at and around its bounds', (_key, field) => {
    const step = field.decimals ? 0.01 : 1;
    const values = [...around(field.min, field.max, step), field.min + step / 2, field.min + 0.5];
    for (const value of values) {
      const base = formOf(DEFAULT_RULES);
      // post.min and post.max bound each other: move the other one out of the way.
      const others: Record<string, string> = field.key === 'post.minPoints' ? { 'post.maxPoints': String(field.max) } : {};
      const form = { ...base, values: { ...base.values, ...others, [field.key]: String(value) } };
      expect([field.key, value, formTakes(form)]).toEqual([field.key, value, serverTakes(form)]);
    }
  });

  it('tiers: names, multipliers, perks and how many, the same verdict', () => {
    const base = formOf(DEFAULT_RULES);
    const tier = (i: number, change: Partial<RulesForm['tiers'][number]>) => ({
      ...base,
      tiers: base.tiers.map((t, j) => (j === i ? { ...t, ...change } : t)),
    });
    const forms = [
      tier(1, { name: 'x'.repeat(TIER_LIMITS.name) }),
      ...[TIER_LIMITS.minPoints.max, TIER_LIMITS.minPoints.max + 1].map((n) => tier(base.tiers.length - 1, { minPoints: String(n) })),
      tier(1, { name: 'x'.repeat(TIER_LIMITS.name + 1) }),
      ...around(TIER_LIMITS.multiplier.min, TIER_LIMITS.multiplier.max, 0.01).map((m) => tier(1, { multiplier: String(m) })),
      tier(1, { multiplier: '1.005' }),
      tier(1, { perks: Array.from({ length: TIER_LIMITS.perks }, (_, i) => `权益${i}`).join('\n') }),
      tier(1, { perks: Array.from({ length: TIER_LIMITS.perks + 1 }, (_, i) => `权益${i}`).join('\n') }),
      tier(1, { perks: '好'.repeat(TIER_LIMITS.perk) }),
      tier(1, { perks: '好'.repeat(TIER_LIMITS.perk + 1) }),
      ...[TIER_LIMITS.tiers, TIER_LIMITS.tiers + 1].map((n) => ({
        ...base,
        tiers: Array.from({ length: n }, (_, i) => ({ name: `L${i}`, minPoints: String(i * 100), multiplier: '1', perks: '' })),
      })),
    ];
    for (const form of forms) expect([form.tiers, formTakes(form)]).toEqual([form.tiers, serverTakes(form)]);
  });
});

describe('the reward form agrees with mall.upsertItem', () => {
  const TZ = 'Asia/Shanghai';
  const valid: RewardForm = { ...emptyRewardForm('2026-12-05'), name: '抱枕', pointsPrice: '100', stock: '5' };
  const serverTakes = (form: RewardForm) => upsertItemInput.safeParse({ communityId: 'c1', item: rewardOf(form, TZ) }).success;
  const formTakes = (form: RewardForm) => Object.keys(rewardProblems(form, TZ)).length === 0;
  const { name, description, category, pointsPrice, stock, perMemberLimit, wearDays, cashFen } = REWARD_LIMITS;
  const numbers = (key: keyof RewardForm, limit: { min: number; max: number }, extra: Partial<RewardForm> = {}) =>
    around(limit.min, limit.max, 1).map((n) => ({ ...valid, ...extra, [key]: String(n) }));

  it.each([
    ['name', [name, name + 1].map((n) => ({ ...valid, name: '奖'.repeat(n) }))],
    ['description', [description, description + 1].map((n) => ({ ...valid, description: '介'.repeat(n) }))],
    ['category', [category, category + 1].map((n) => ({ ...valid, category: '类'.repeat(n) }))],
    ['pointsPrice', numbers('pointsPrice', pointsPrice)],
    ['stock', numbers('stock', stock)],
    ['perMemberLimit', numbers('perMemberLimit', perMemberLimit)],
    ['wearDays', numbers('wearDays', wearDays, { kind: 'title', look: '学霸' })],
    ['cashPrice', around(cashFen.min, cashFen.max, 1).map((fen) => ({ ...valid, cashPrice: (fen / 100).toFixed(2) }))],
  ] as Array<[string, RewardForm[]]>)('%s: the same verdict at and around its bounds', (_field, forms) => {
    for (const form of forms) expect([form, formTakes(form)]).toEqual([form, serverTakes(form)]);
  });
});

describe('the campaign form agrees with campaigns.upsert', () => {
  const TZ = 'Asia/Shanghai';
  const NOW = Date.parse('2026-12-05T00:00:00Z');
  const valid: CampaignForm = { ...emptyCampaignForm('2026-12-06'), name: '双倍签到周' };
  const serverTakes = (form: CampaignForm) => upsertCampaignInput.safeParse({ communityId: 'c1', campaign: campaignOf(form, TZ) }).success;
  const formTakes = (form: CampaignForm) => Object.keys(campaignProblems(form, TZ, NOW)).length === 0;
  const L = CAMPAIGN_LIMITS;
  const numbers = (key: keyof CampaignForm, limit: NumberLimit, extra: Partial<CampaignForm>) =>
    around(limit.min, limit.max, limit.decimals ? 0.01 : 1).map((n) => ({ ...valid, ...extra, [key]: String(n) }));

  it.each([
    ['name', [L.name, L.name + 1].map((n) => ({ ...valid, name: '活'.repeat(n) }))],
    ['multiplier', numbers('multiplier', L.multiplier, { kind: 'multiplier' })],
    ['monthDay', numbers('monthDay', L.monthDay, { kind: 'multiplier' })],
    ['target', numbers('target', L.target, { kind: 'challenge' })],
    ['bonusPoints', numbers('bonusPoints', L.bonusPoints, { kind: 'challenge' })],
    ['inactiveDays', numbers('inactiveDays', L.inactiveDays, { kind: 'winback' })],
    ['pilotShare', numbers('pilotShare', L.pilotShare, { pilot: 'share' })],
    ['ruleCheckin', numbers('ruleCheckin', L.ruleCheckin, { kind: 'rules' })],
    ['ruleStreakBonus', numbers('ruleStreakBonus', L.ruleStreakBonus, { kind: 'rules' })],
    ['ruleAnswer', numbers('ruleAnswer', L.ruleAnswer, { kind: 'rules' })],
    ['ruleLike', numbers('ruleLike', L.ruleLike, { kind: 'rules' })],
  ] as Array<[string, CampaignForm[]]>)('%s: the same verdict at and around its bounds', (_field, forms) => {
    for (const form of forms) expect([form, formTakes(form)]).toEqual([form, serverTakes(form)]);
  });
});

describe('the event form agrees with events.upsert', () => {
  const TZ = 'Asia/Shanghai';
  const NOW = Date.parse('2026-12-05T00:00:00Z');
  const valid: EventForm = { ...emptyEventForm('2026-12-06'), title: '亲子手工课' };
  const serverTakes = (form: EventForm) => upsertEventInput.safeParse({ communityId: 'c1', event: eventOf(form, TZ) }).success;
  const formTakes = (form: EventForm) => Object.keys(eventProblems(form, TZ, NOW)).length === 0;
  const L = EVENT_LIMITS;

  it.each([
    ['title', [L.title, L.title + 1].map((n) => ({ ...valid, title: '活'.repeat(n) }))],
    ['place', [L.place, L.place + 1].map((n) => ({ ...valid, place: '地'.repeat(n) }))],
    ['description', [L.description, L.description + 1].map((n) => ({ ...valid, description: '介'.repeat(n) }))],
    ['capacity', around(L.capacity.min, L.capacity.max, 1).map((n) => ({ ...valid, capacity: String(n) }))],
    ['points', around(L.points.min, L.points.max, 1).map((n) => ({ ...valid, points: String(n) }))],
  ] as Array<[string, EventForm[]]>)('%s: the same verdict at and around its bounds', (_field, forms) => {
    for (const form of forms) expect([form, formTakes(form)]).toEqual([form, serverTakes(form)]);
  });
});

describe('the smaller forms agree with their actions', () => {
  const ids = { communityId: 'c1', requestId: 'req-000001' };
  const agree = <F>(cases: F[], formTakes: (form: F) => boolean, serverTakes: (form: F) => boolean) => {
    for (const form of cases) expect([form, formTakes(form)]).toEqual([form, serverTakes(form)]);
  };
  const texts = (max: number) => ['', ' ', '字', '字'.repeat(max), '字'.repeat(max + 1)];

  it('an adjustment (points.adjust)', () => {
    const { amount, reason } = ADJUST_LIMITS;
    const cases = [
      ...[-amount - 1, -amount, -1, 0, 1, amount, amount + 1].map((n) => [String(n), '线下活动']),
      ...texts(reason).map((r) => ['20', r]),
    ];
    agree(
      cases,
      ([a, r]) => Object.keys(adjustmentProblems(a, r)).length === 0,
      ([a, r]) => adjustPointsInput.safeParse({ ...ids, openid: 'o1', delta: Number(a), reason: r }).success,
    );
  });

  it('an award to many (points.bulkAward) and an announcement (notices.broadcast)', () => {
    const { amount, reason } = AWARD_LIMITS;
    const award = { audience: 'all', segment: 'new', list: '', amount: '10', reason: '周年庆' } as const;
    agree(
      [
        ...around(amount.min, amount.max, 1).map((n) => ({ ...award, amount: String(n) })),
        ...texts(reason).map((r) => ({ ...award, reason: r })),
      ],
      (form) => Object.keys(awardProblems(form)).length === 0,
      (form) => bulkAwardInput.safeParse({ ...ids, delta: Number(form.amount), reason: form.reason }).success,
    );
    const notice = { audience: 'all', segment: 'new', title: '公告', body: '周六活动' } as const;
    agree(
      [
        ...texts(BROADCAST_LIMITS.title).map((title) => ({ ...notice, title })),
        ...texts(BROADCAST_LIMITS.body).map((body) => ({ ...notice, body })),
      ],
      (form) => Object.keys(broadcastProblems(form)).length === 0,
      (form) => broadcastInput.safeParse({ ...ids, title: form.title, body: form.body }).success,
    );
  });

  it('a donation pool (pools.upsert)', () => {
    const L = DONATION_LIMITS;
    const pool = { name: '爱心捐书', description: '', goalPoints: '1000', endDate: '2026-12-31', endTime: '20:00' };
    agree(
      [
        ...texts(L.name).map((name) => ({ ...pool, name })),
        ...texts(L.description).map((description) => ({ ...pool, description })),
        ...around(L.goalPoints.min, L.goalPoints.max, 1).map((n) => ({ ...pool, goalPoints: String(n) })),
      ],
      (form) => Object.keys(donationProblems(form, new Date('2026-12-05T00:00:00Z'), 'Asia/Shanghai')).length === 0,
      (form) =>
        upsertPoolInput.safeParse({
          communityId: 'c1',
          pool: { name: form.name, description: form.description, goalPoints: Number(form.goalPoints), endsAt: '2026-12-31T12:00:00Z' },
        }).success,
    );
  });

  it('a delivery address (mall.redeem, mall.setShipping)', () => {
    const address = { name: '王小美', phone: '13800138000', address: '上海市徐汇区' };
    agree(
      [
        ...texts(SHIPPING_LIMITS.name).map((name) => ({ ...address, name })),
        ...texts(SHIPPING_LIMITS.address).map((a) => ({ ...address, address: a })),
        ...['13800138000', '+86 138 0013 8000', '1380013800', '021-1234567', 'abc'].map((phone) => ({ ...address, phone })),
      ],
      (form) => Object.keys(shippingProblems(form)).length === 0,
      (form) => shippingInput.safeParse(form).success,
    );
  });

  it('a comment (posts.comment)', () => {
    agree(
      texts(COMMENT_LIMIT),
      (body) => commentProblem(body) === null,
      (body) => commentInput.safeParse({ ...ids, postId: 'p1', body }).success,
    );
  });

  it('a birthday (community.updateProfile): every month and day, 02-29 included', () => {
    const typed = Array.from({ length: 14 }, (_, month) => Array.from({ length: 33 }, (_, day) => `${month}-${day}`)).flat();
    agree(
      typed,
      (text) => birthdayProblem(text) === null,
      (text) => updateProfileInput.safeParse({ communityId: 'c1', birthday: normalBirthday(text) }).success,
    );
  });
});

describe('the purchase form agrees with points.purchase', () => {
  it('an amount in yuan, at and around its bounds and as people mistype it', () => {
    const { min, max } = PURCHASE_LIMITS.amountFen;
    const typed = [...around(min, max, 1).map((fen) => (fen / 100).toFixed(2)), '99', '99.9', '9.999', 'abc', '', '-1', '1e3'];
    for (const yuan of typed) {
      const fen = fenOfYuan(yuan);
      const serverTakes =
        fen !== null && purchaseInput.safeParse({ communityId: 'c1', code: 'x', amountFen: fen, requestId: 'req-000001' }).success;
      expect([yuan, amountProblem(yuan) === null]).toEqual([yuan, serverTakes]);
    }
  });
});
