import { engage, type EarningEvent, type EngagementContext } from '../../core/engagement';
import type { Day } from '../../core/days';
import type { Posting } from '../../core/ledger';
import { ids, type AppTransaction } from './documents';
import type { CommunityDoc, MemberDoc } from '../community/documents';
import { writeNotice } from '../notices/notify';

/** What the engagement rules see of a community at `now`: its rules and its live campaigns (kept on the community document, so reading them costs nothing). */
export const engagementContext = (
  community: Pick<CommunityDoc, 'rules' | 'timezone' | 'campaigns'>,
  now: Date,
  day: Day,
): EngagementContext => ({
  rules: community.rules,
  campaigns: community.campaigns ?? [],
  now,
  day,
  timezone: community.timezone,
});

/**
 * What an earning action also writes for the member (core/engagement.ts): the bonus postings,
 * the member fields, and a notice of what it unlocked — to be written in the action's own
 * transaction with the action's postings and member update. `refId` names the action (a
 * check-in, a post, an answer, a referral) and makes the notice once-only.
 */
export function engagementOf(member: MemberDoc, event: EarningEvent, ctx: EngagementContext, refId: string) {
  const { bonuses, changes, unlocked } = engage(member, event, ctx);
  const postings: Posting[] = bonuses.map((b) => ({
    id: ids.ledger(b.kind, member.communityId, member.openid, b.key),
    kind: 'earn',
    delta: b.points,
    reason: b.reason,
    refId: b.refId ?? refId,
    detail: b.detail,
  }));
  const lines = [
    ...unlocked.badges.map((name) => `获得徽章「${name}」`),
    ...unlocked.tasks.map((name) => `完成新手任务「${name}」`),
    ...unlocked.challenges.map((name) => `完成挑战「${name}」`),
    ...bonuses.filter((b) => b.kind === 'birthday').map(() => '生日快乐，送上生日礼'),
    ...bonuses.filter((b) => b.kind === 'winback').map((b) => `欢迎回来，${b.reason}`),
  ];
  const points = bonuses.reduce((sum, b) => sum + b.points, 0);
  const notify = async (tx: AppTransaction) => {
    if (!lines.length) return;
    await writeNotice(
      tx,
      {
        communityId: member.communityId,
        openid: member.openid,
        kind: 'achievement',
        refId: `${member.communityId}:${member.openid}:${refId}`,
        title: lines[0],
        body: points ? `${lines.join('，')}，共获得 ${points} 积分` : lines.join('，'),
        points,
      },
      ctx.now,
    );
  };
  return { postings, changes, notify };
}
