import { daysBetween, type Day } from './days';
import { refuse } from './errors';
import type { Rules } from './rules';
import { tierReaches } from './tiers';

/** What a member gave and received on one community day (kept on the member: a transfer writes both members anyway). */
export interface TransferDay {
  day: Day;
  sent: number;
  received: number;
}

const onDay = (kept: TransferDay | null | undefined, day: Day): TransferDay => (kept?.day === day ? kept : { day, sent: 0, received: 0 });

/** Why a member of this tier cannot give at all (gifts off, the tier below the owner's minimum), or null. The app says it before an amount is typed. */
export function transferBlocked(rules: Pick<Rules, 'transfer' | 'tiers'>, tierIndex: number): string | null {
  const rule = rules.transfer;
  if (!rule.enabled) return '群主没有开放积分转赠';
  if (!tierReaches(rule.minTier, tierIndex, rules.tiers)) return `「${rule.minTier}」及以上等级才能转赠积分`;
  return null;
}

/** Why one gift of `amount` is too much for the rules, or null. */
export const transferAmountProblem = (rule: Rules['transfer'], amount: number): string | null =>
  amount > rule.maxPerTransfer ? `每次最多转赠 ${rule.maxPerTransfer} 积分` : null;

/**
 * The transfer rules of API.md, refused in the order a member would want to be told; the
 * balance is the ledger's to refuse (INSUFFICIENT_POINTS). Returns both members' day totals after it.
 */
export function checkTransfer(
  rules: Pick<Rules, 'transfer' | 'tiers'>,
  sender: { tierIndex: number; joinedDay: Day; transfers?: TransferDay | null },
  receiver: { transfers?: TransferDay | null },
  amount: number,
  today: Day,
): { sender: TransferDay; receiver: TransferDay } {
  const rule = rules.transfer;
  const blocked = transferBlocked(rules, sender.tierIndex);
  if (blocked) refuse('FORBIDDEN', blocked);
  if (daysBetween(sender.joinedDay, today) < rule.minMemberDays) refuse('FORBIDDEN', `加入满 ${rule.minMemberDays} 天后才能转赠积分`);
  const tooMuch = transferAmountProblem(rule, amount);
  if (tooMuch) refuse('LIMIT_REACHED', tooMuch);
  const sent = onDay(sender.transfers, today);
  if (sent.sent + amount > rule.dailyLimit)
    refuse('LIMIT_REACHED', `每天最多转赠 ${rule.dailyLimit} 积分，今天还能转 ${Math.max(0, rule.dailyLimit - sent.sent)} 积分`);
  const received = onDay(receiver.transfers, today);
  if (received.received + amount > rule.receiveDailyLimit)
    refuse('LIMIT_REACHED', `对方今天收到的积分已接近上限（每天 ${rule.receiveDailyLimit} 积分）`);
  return { sender: { ...sent, sent: sent.sent + amount }, receiver: { ...received, received: received.received + amount } };
}
