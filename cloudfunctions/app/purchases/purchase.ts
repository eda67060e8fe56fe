import type * as z from 'zod';
import { refuse } from '../../core/errors';
import { fingerprint } from '../../core/fingerprint';
import { purchasePoints } from '../../core/purchases';
import { refusals } from '../../core/refusals';
import { STAFF } from '../../core/roles';
import { tierOf } from '../../core/tiers';
import { requireMember } from '../kernel/access';
import { recordAudit } from '../kernel/audit';
import type { Caller, Deps } from '../kernel/context';
import { ids } from '../kernel/documents';
import type { MemberDoc } from '../community/documents';
import { requestKey } from '../kernel/idempotency';
import { postingTime, recordPostings, toEntry } from '../kernel/ledgerWrites';
import { sendNotice, writeNotice, type Notice } from '../notices/notify';
import { requireUsable, scannedMember } from './heldCode';
import { purchaseInput } from './inputs';
import type { PurchaseAnswer } from '../../contract/api';
import { yuan } from '../../core/money';

/** Purchases remembered on the member for replays: a replay comes within seconds, not ten purchases later. */
const PURCHASES_KEPT = 10;

/**
 * Staff credit a purchase to the member whose code they scanned: points per yuan times the
 * member's tier, within the daily cap (the rest is recorded as capped). All in the member's
 * transaction — the code is used up, the day's purchase points counted, the entry written, the
 * member told, the staff action audited — so two staff scanning one code credit it once, and a
 * replay (the same requestId) is answered from the member's recent purchases without a second
 * credit. Five document operations; none reads more than the member.
 */
export async function purchase(input: z.output<typeof purchaseInput>, caller: Caller, deps: Deps) {
  const { community } = await requireMember(deps.store, input.communityId, caller.openid, STAFF);
  if (!community.rules.purchase.enabled) refuse('FORBIDDEN', '群主还没有开启购物积分（积分规则 → 购物积分）');
  const { openid, secret } = scannedMember(input.code, input.communityId, caller);
  const key = requestKey('points.purchase', input.communityId, caller.openid, input.requestId);
  const print = fingerprint({ action: 'points.purchase', ...input });
  const time = postingTime(community, caller.now);
  let told: Notice | null = null;
  const answer = await deps.store.transaction(async (tx) => {
    told = null;
    const member =
      (await tx.get('members', ids.member(input.communityId, openid))) ?? refuse('INVALID_INPUT', '会员码无效：这位成员不在社群里');
    const earlier = member.recentPurchases?.find((p) => p.key === key);
    if (earlier) return earlier.fingerprint === print ? (earlier.result as PurchaseAnswer) : refusals.idempotencyMismatch();
    requireUsable(member.memberCode, secret, caller.now);
    if (member.banned) refuse('FORBIDDEN', '这位成员已被暂停参与积分活动，购物不积分');

    const tier = tierOf(member, community.rules, time.day);
    const { points, capped } = purchasePoints(input.amountFen, community.rules.purchase, tier.multiplier, member.purchaseDay, time.day);
    const at = caller.now.toISOString();
    const usedToday = member.purchaseDay?.day === time.day ? member.purchaseDay.points : 0;
    const entryId = ids.ledger('earn', input.communityId, openid, `purchase:${key}`);
    const result = (entry: PurchaseAnswer['entry'], balance: number): PurchaseAnswer => ({
      entry,
      points,
      capped,
      member: { openid, nickname: member.nickname, balance },
    });
    const remember = (answer: PurchaseAnswer): Partial<MemberDoc> => ({
      memberCode: { ...member.memberCode!, usedAt: at },
      purchaseDay: { day: time.day, points: usedToday + points },
      recentPurchases: [...(member.recentPurchases ?? []), { key, fingerprint: print, result: answer }].slice(-PURCHASES_KEPT),
    });
    let answer: PurchaseAnswer;
    if (points > 0) {
      const posting = {
        id: entryId,
        kind: 'earn' as const,
        delta: points,
        reason: input.note ? `购物积分：${input.note}` : '购物积分',
        refId: null,
        detail: { amountFen: input.amountFen, ...(capped ? { capped: 1 } : {}) },
      };
      const { entries, account } = await recordPostings(tx, member, [posting], time, (posted) =>
        remember(result(toEntry(posted.entries[0]), posted.account.balance)),
      );
      answer = result(toEntry(entries[0]), account.balance);
    } else {
      answer = result(null, member.balance);
      await tx.update('members', member._id, remember(answer));
    }
    const notice: Notice = {
      communityId: input.communityId,
      openid,
      kind: 'purchase_credited',
      refId: key,
      title: points ? `购物积分 +${points}` : '购物已记录（今日购物积分已满）',
      body: `消费 ¥${yuan(input.amountFen)}${capped ? `，今日购物积分已达上限 ${community.rules.purchase.dailyCap}` : ''}`,
      points,
    };
    await writeNotice(tx, notice, caller.now);
    told = notice;
    await recordAudit(
      tx,
      {
        communityId: input.communityId,
        action: 'points.purchase',
        target: openid,
        detail: { amountFen: input.amountFen, points, capped, entryId: answer.entry?.id ?? null },
      },
      caller,
    );
    return answer;
  });
  if (told) await sendNotice(deps, told, `消费 ¥${yuan(input.amountFen)}`, '/pages/ledger/index');
  return answer;
}
