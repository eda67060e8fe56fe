import { communityWithMembers, sqliteHarness, type Harness } from '../../cloudfunctions/testing/harness';
import { gatewayFor as sharedGateway } from './testing';
import type { ImageUploader } from '../gateway/uploader';
import { campaignOf, campaignProblems, emptyCampaignForm, describeCampaign, describePilot } from './CampaignsStore';
import { pilotBucket } from '../../cloudfunctions/core/pilots';
import { isoToLocal } from './format';
import { birthdayProblem } from './MeStore';
import { checkinBreakdown } from './PointsStore';
import { RootStore } from './RootStore';
import { memoryStorage } from './storage';

let now = '2026-06-10T02:00:00Z';
const gatewayFor = (h: Harness, openid: string, fail?: { action: string; times: number }) => sharedGateway(h, openid, () => now, fail);
const avatarUploader: ImageUploader = {
  pickAndUpload: async () => ['/uploads/00000000000000000000000000000001.png'],
  upload: async () => '/uploads/00000000000000000000000000000002.png',
};

let h: Harness;
let c: string;
beforeEach(async () => {
  now = '2026-06-10T02:00:00Z';
  h = sqliteHarness();
  c = await communityWithMembers(h, '2026-05-01T02:00:00Z');
  await h.ok(
    'community',
    'updateRules',
    { communityId: c, rules: { tasks: { firstCheckin: 10, profile: 5 }, makeUp: { cost: 3 } } },
    { openid: 'o_owner', now },
  );
});
const rootFor = async (openid: string, fail?: { action: string; times: number }) => {
  const root = new RootStore(gatewayFor(h, openid, fail), memoryStorage(), c, avatarUploader);
  await root.session.load();
  return root;
};

describe('我的', () => {
  it('shows the tier, badges and tasks, and edits the profile: WeChat’s avatar, a name, the birthday asked once', async () => {
    const alice = await rootFor('o_alice');
    await alice.points.checkIn();
    await alice.mine.load();
    expect(alice.mine.me?.tier).toMatchObject({ name: '铜', nextName: '银', points: 15 });
    expect(alice.mine.tierPercent).toBe(3);
    expect(alice.mine.earnedBadges).toBe(1);
    expect(alice.mine.tasksLeft.map((t) => t.key)).toEqual(['profile', 'firstPost', 'firstAnswer', 'firstInvite']);

    expect(await alice.mine.chooseAvatar('wxfile://tmp/avatar.png')).toBe(true);
    expect(alice.mine.me?.avatar).toBe('/uploads/00000000000000000000000000000002.png');
    // alice chose her name when she joined: the profile task is done.
    expect(alice.mine.tasks.find((t) => t.key === 'profile')?.done).toBe(true);
    expect(alice.mine.me?.balance).toBe(20);

    alice.mine.editNickname();
    alice.mine.setNicknameDraft('  ');
    expect(await alice.mine.saveNickname()).toBe(false);
    expect(alice.mine.notice).toBe('昵称不能为空');
    alice.mine.setNicknameDraft('小美');
    expect(await alice.mine.saveNickname()).toBe(true);
    expect([alice.mine.me?.nickname, alice.mine.nicknameDraft]).toEqual(['小美', null]);

    alice.mine.setBirthdayDraft('2-30');
    expect(await alice.mine.saveBirthday()).toBe(false);
    expect(alice.mine.birthdayError).toBe('没有这一天');
    alice.mine.setBirthdayDraft('8-8');
    expect(await alice.mine.saveBirthday()).toBe(false);
    expect(alice.mine.confirmingBirthday).toBe(true);
    expect(alice.mine.me?.birthday).toBeNull();
    expect(await alice.mine.saveBirthday()).toBe(true);
    expect(alice.mine.me?.birthday).toBe('08-08');

    expect(await alice.mine.setHidden(true)).toBe(true);
    expect(alice.mine.me?.hideFromLeaderboard).toBe(true);
    await alice.leaderboard.load('all');
    expect(alice.leaderboard.board?.me).toBeNull();
  });

  it('birthday problems are said in plain Chinese', () => {
    expect([birthdayProblem(''), birthdayProblem('13-01'), birthdayProblem('02-29'), birthdayProblem('1-9')]).toEqual([
      '请选择生日（月-日）',
      '没有这一天',
      null,
      null,
    ]);
  });
});

describe('make-up from the calendar', () => {
  it('offers a missed day with its cost and the streak it restores; a lost answer retried is the same request', async () => {
    for (const day of ['2026-06-07T02:00:00Z', '2026-06-09T02:00:00Z'])
      await h.ok('checkin', 'checkin', { communityId: c }, { openid: 'o_alice', now: day });
    const alice = await rootFor('o_alice', { action: 'makeUp', times: 1 });
    await alice.points.load();
    expect(alice.points.me?.streak).toBe(1);
    expect(alice.points.canOfferMakeUp('2026-06-09')).toBe(false);
    expect(alice.points.canOfferMakeUp('2026-06-10')).toBe(false);
    await alice.points.offerMakeUp('2026-06-08');
    expect(alice.points.makeUpOffer).toMatchObject({ day: '2026-06-08', cost: 3, streak: 3, problem: null });
    // The answer is lost; the retry is the same request, so she pays once.
    expect(await alice.points.confirmMakeUp()).toBe(false);
    expect(alice.points.error).toBeTruthy();
    expect(await alice.points.confirmMakeUp()).toBe(true);
    expect(alice.points.notice).toBe('已补签 06月08日，连签 3 天');
    expect(alice.points.me?.streak).toBe(3);
    expect(alice.points.madeUpDays).toEqual(['2026-06-08']);
    expect(
      (await h.ok('points', 'ledger', { communityId: c }, { openid: 'o_alice', now })).entries.filter((e) => e.reason.startsWith('补签')),
    ).toHaveLength(1);
    await alice.points.offerMakeUp('2026-06-01');
    expect(alice.points.makeUpOffer?.problem).toBe('只能补签最近 7 天');
    expect(await alice.points.confirmMakeUp()).toBe(false);
  });

  it('the check-in pop says what made up the points', () => {
    expect(
      checkinBreakdown({ awarded: 10, bonus: 0, multiplier: 2, extras: [{ reason: '新手任务：完成第一次签到', points: 10 }] }),
    ).toEqual({ total: 20, parts: '10 签到×2 + 10 新手任务' });
  });
});

describe('campaigns', () => {
  const tz = 'Asia/Shanghai';
  it('the editor takes dates and times from pickers on the community clock and says what to fix in Chinese', () => {
    const form = emptyCampaignForm('2026-06-10');
    form.multiplier = '6';
    form.actions = [];
    form.endDate = '2026-06-09';
    const problems = campaignProblems(form, tz, Date.parse(now));
    expect(problems).toEqual({
      name: '请给活动起个名字',
      end: '结束时间要晚于开始时间',
      actions: '至少选一种行为',
      multiplier: '倍数填 1.1 到 5，例如 2',
    });
    for (const message of Object.values(problems)) expect(message).not.toMatch(/ISO|[a-z]+\.[a-z]+/i);
    Object.assign(form, { name: '双倍周', multiplier: '2', actions: ['checkin'], endDate: '2026-06-16', monthDay: '8' });
    expect(campaignProblems(form, tz, Date.parse(now))).toEqual({});
    expect(campaignOf(form, tz)).toEqual({
      kind: 'multiplier',
      name: '双倍周',
      actions: ['checkin'],
      multiplier: 2,
      monthDay: 8,
      startsAt: '2026-06-09T16:00:00.000Z',
      endsAt: '2026-06-16T15:59:00.000Z',
      pilot: null,
    });
    expect(campaignProblems({ ...form, pilot: 'share', pilotShare: '100' }, tz, Date.parse(now))).toEqual({
      pilotShare: '试点比例填 1 到 99（%）',
    });
    expect(campaignProblems({ ...form, pilot: 'segment', endDate: '2026-10-01' }, tz, Date.parse(now))).toEqual({
      end: '试点活动最长 90 天',
    });
    expect(campaignOf({ ...form, pilot: 'segment', pilotSegment: 'dormant' }, tz).pilot).toEqual({ segment: 'dormant' });
    // 规则试行: the numbers to try, the rest left to the community's rules.
    const rulesForm = { ...form, kind: 'rules' as const };
    expect(campaignProblems(rulesForm, tz, Date.parse(now))).toEqual({ ruleCheckin: '至少改一条规则' });
    expect(campaignProblems({ ...rulesForm, ruleLike: '5000' }, tz, Date.parse(now))).toEqual({
      ruleLike: '点赞积分填 0 到 1000，或留空不改',
    });
    const tried = campaignOf({ ...rulesForm, ruleCheckin: '10', ruleLike: '2' }, tz);
    expect(tried).toMatchObject({ kind: 'rules', rules: { checkin: { points: 10 }, like: { points: 2 } } });
    expect(tried.kind === 'rules' && tried.rules.answer).toBeUndefined();
    expect(describeCampaign({ ...tried, id: 'x', status: 'active', pilot: null } as never)).toBe('试行新规则：签到 10 分、点赞 2 分');
  });

  it('the owner starts double points; members see the banner and the next check-in is doubled; ending asks once', async () => {
    // The editor checks the end against the device's clock: here the server's clock is the device's.
    now = new Date().toISOString();
    const today = isoToLocal(now, tz).slice(0, 10);
    const owner = await rootFor('o_owner');
    owner.campaigns.startNew(today);
    owner.campaigns.set('name', '双倍积分周');
    owner.campaigns.set('endDate', isoToLocal(new Date(Date.now() + 6 * 86_400_000).toISOString(), tz).slice(0, 10));
    expect(await owner.campaigns.save()).toBe(true);
    expect(owner.campaigns.notice).toBe('「双倍积分周」已开始');
    const alice = await rootFor('o_alice');
    await alice.campaigns.load();
    expect(alice.campaigns.banners.map((b) => [b.name, describeCampaign(b)])).toEqual([['双倍积分周', '签到积分 ×2']]);
    expect(await alice.points.checkIn()).toMatchObject({ awarded: 10, multiplier: 2 });
    owner.campaigns.askEnd(owner.campaigns.campaigns[0].id);
    expect(owner.campaigns.ending).not.toBeNull();
    expect(await owner.campaigns.confirmEnd()).toBe(true);
    expect(owner.campaigns.campaigns[0].status).toBe('ended');
    await alice.campaigns.load();
    expect(alice.campaigns.banners).toEqual([]);
  });

  it('the owner pilots a campaign on a share of members, who alone see and get it, and compares them with the rest', async () => {
    now = new Date().toISOString();
    const today = isoToLocal(now, tz).slice(0, 10);
    const owner = await rootFor('o_owner');
    owner.campaigns.startNew(today);
    owner.campaigns.set('name', '试点翻倍');
    owner.campaigns.set('pilot', 'share');
    owner.campaigns.set('pilotShare', '99');
    owner.campaigns.set('endDate', isoToLocal(new Date(Date.now() + 6 * 86_400_000).toISOString(), tz).slice(0, 10));
    expect(await owner.campaigns.save()).toBe(true);
    const [pilot] = owner.campaigns.campaigns;
    expect(describePilot(pilot.pilot)).toBe('试点：随机 99% 成员');
    const members = await Promise.all(['o_alice', 'o_bob'].map((openid) => rootFor(openid)));
    for (const member of members) await member.campaigns.load();
    expect(members.map((m) => m.campaigns.banners.length)).toEqual(
      ['o_alice', 'o_bob'].map((openid) => (pilotBucket(pilot.id, openid) < 99 ? 1 : 0)),
    );
    await owner.campaigns.loadPilotReport(pilot.id);
    expect(owner.campaigns.pilotReports[pilot.id]).toMatchObject({ status: 'done', counted: 3, pilot: { share: 99, segment: null } });
    owner.campaigns.edit(pilot);
    expect(owner.campaigns.form).toMatchObject({ pilot: 'share', pilotShare: '99' });
  });
});

describe('积分规则', () => {
  it('is written from the live rules: every way to earn, tasks only when on, tiers and how they are kept', async () => {
    const { DEFAULT_RULES, mergeRules } = await import('../../cloudfunctions/core/rules');
    const { rulesSections } = await import('./rulesText');
    const plain = rulesSections(DEFAULT_RULES);
    expect(plain.map((s) => s.title)).toEqual(['怎么赚积分', '会员等级', '使用与有效期']);
    expect(plain[0].lines[0]).toEqual({ what: '每日签到', points: '+5', note: '连续签到每满 7 天再得 50 分' });
    const tuned = rulesSections(
      mergeRules(DEFAULT_RULES, {
        checkin: { points: 3 },
        birthday: { points: 50 },
        tasks: { firstPost: 20 },
        tierRetention: { mode: 'rolling' },
        tiers: [
          { name: '铜', minPoints: 0 },
          { name: '金', minPoints: 900, multiplier: 1.5, perks: ['专属客服'] },
        ],
      }),
    );
    expect(tuned[0].lines.map((l) => [l.what, l.points])).toContainEqual(['生日礼', '+50']);
    expect(tuned[0].lines[0].points).toBe('+3');
    expect(tuned[1]).toEqual({ title: '新手任务', lines: [{ what: '第一篇心得通过审核', points: '+20', note: '新手任务，完成一次即得' }] });
    expect(tuned[2].lines[1]).toEqual({ what: '金', points: '近 365 天获得 900 分', note: '签到、发帖、回答、点赞积分 ×1.5；专属客服' });
    expect(tuned[2].lines.at(-1)).toMatchObject({ what: '保级', note: '积分不足时保留原等级 30 天，期满仍不足降一级' });
  });
});
