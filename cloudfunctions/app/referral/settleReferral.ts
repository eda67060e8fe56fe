import { passesRiskGate } from '../../core/referral';
import type { Caller, Deps } from '../kernel/context';
import type { Found } from '../kernel/documents';
import { creditToday } from '../kernel/dailyCaps';
import { ids } from '../kernel/documents';
import type { CommunityDoc } from '../community/documents';
import { postingTime, recordPostings } from '../kernel/ledgerWrites';
import { engagementContext, engagementOf } from '../kernel/engagement';
import { sendNotice, writeNotice, type Notice } from '../notices/notify';

/**
 * After a newcomer's check-in: pays their pending invitation, once. The risk gate asks the
 * platform first (outside the transaction); an account at or above the community's threshold
 * is rejected. Otherwise the newcomer gets inviteePoints and the inviter inviterPoints (within
 * the inviter's daily cap). The referral document decides races: a second settle finds it
 * settled. If anything fails on the way, the invitation stays pending and the next check-in
 * settles it. Returns the newcomer's points from it, or null if nothing was settled.
 */
export async function settleReferral(
  community: Found<CommunityDoc>,
  caller: Caller,
  deps: Deps,
): Promise<{ awarded: number; balance: number } | null> {
  const communityId = community._id;
  const referralId = ids.referral(communityId, caller.openid);
  const pending = await deps.store.get('referrals', referralId);
  if (!pending || pending.status !== 'pending') return null;
  let rank: number;
  try {
    rank = await deps.platform.risk.userRiskRank({ openid: caller.openid, clientIp: caller.clientIp ?? null });
  } catch (error) {
    deps.log?.('risk check failed; the invitation stays pending', error);
    return null;
  }
  const rule = community.rules.referral;
  const time = postingTime(community, caller.now);
  const at = caller.now.toISOString();

  const outcome = await deps.store.transaction(async (tx) => {
    const referral = await tx.get('referrals', referralId);
    const invitee = await tx.get('members', ids.member(communityId, caller.openid));
    if (!referral || referral.status !== 'pending' || !invitee) return null;
    if (!passesRiskGate(rank, rule.riskThreshold)) {
      await tx.update('referrals', referralId, { status: 'rejected', reason: 'risk', settledAt: at });
      await tx.update('members', ids.member(communityId, caller.openid), { referralPending: false });
      return { awarded: 0, balance: invitee.balance, notice: null };
    }
    const inviter = await tx.get('members', ids.member(communityId, referral.inviter));
    // A banned inviter's invitation still welcomes the newcomer; the inviter earns nothing for it.
    const inviterEarns = Boolean(inviter) && !inviter?.banned && rule.inviterPoints > 0;
    const inviterPaid =
      inviterEarns && (await creditToday(tx, { communityId, openid: referral.inviter, day: time.day }, 'referral', rule.dailyCap));
    const inviterAwarded = inviterPaid ? rule.inviterPoints : 0;
    const { account } = await recordPostings(
      tx,
      invitee,
      [
        {
          id: ids.ledger('referral', communityId, caller.openid, 'welcome'),
          kind: 'earn',
          delta: rule.inviteePoints,
          reason: `受 ${inviter?.nickname ?? '好友'} 邀请加入`,
          refId: referralId,
        },
      ],
      time,
      { referralPending: false },
    );
    let notice: Notice | null = null;
    // A rewarded invitation counts for the inviter's badge and task even past the daily cap; a banned inviter gets nothing of it.
    const engaged =
      inviter && !inviter.banned
        ? engagementOf(
            inviter,
            { gains: { invites: 1 }, earned: inviterAwarded },
            engagementContext(community, caller.now, time.day),
            referralId,
          )
        : null;
    if (inviter && engaged) {
      await recordPostings(
        tx,
        inviter,
        [
          {
            id: ids.ledger('referral', communityId, referral.inviter, caller.openid),
            kind: 'earn',
            delta: inviterAwarded,
            reason: `邀请 ${invitee.nickname} 加入`,
            refId: referralId,
          },
          ...engaged.postings,
        ],
        time,
        engaged.changes,
      );
      await engaged.notify(tx);
    }
    if (inviter && inviterAwarded) {
      notice = {
        communityId,
        openid: referral.inviter,
        kind: 'referral_rewarded',
        refId: referralId,
        title: `你邀请的${invitee.nickname}完成了首次签到`,
        body: `获得邀请奖励 ${inviterAwarded} 积分`,
        points: inviterAwarded,
      };
      await writeNotice(tx, notice, caller.now);
    }
    await tx.update('referrals', referralId, {
      status: 'rewarded',
      inviterAwarded,
      inviteeAwarded: rule.inviteePoints,
      capped: inviterEarns && !inviterPaid,
      settledAt: at,
    });
    return { awarded: rule.inviteePoints, balance: account.balance, notice };
  });
  if (outcome?.notice) await sendNotice(deps, outcome.notice, '邀请好友', '/packages/referral/pages/invite/index');
  return outcome && { awarded: outcome.awarded, balance: outcome.balance };
}
