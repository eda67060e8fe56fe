import type * as z from 'zod';
import { dayOf } from '../../core/days';
import { refuse } from '../../core/errors';
import { refusals } from '../../core/refusals';
import { tierOf } from '../../core/tiers';
import { checkTransfer } from '../../core/transfer';
import type { Caller, Deps } from '../kernel/context';
import { activeMemberIn, loadCommunity } from '../kernel/access';
import { ids } from '../kernel/documents';
import { once, requestKey } from '../kernel/idempotency';
import { postingTime, recordPostings, toEntry } from '../kernel/ledgerWrites';
import { transferInput } from './inputs';
import { screenShortText } from '../kernel/contentScreening';

/**
 * 积分转赠: one member gives points to another. One transaction reads both members and writes
 * both entries and both members, so the points leave one account exactly when they arrive in
 * the other. Received points are a `transfer`, never earned: they raise no tier and no
 * leaderboard, so second accounts cannot farm a tier; they keep the expiry they had, so passing
 * points back and forth never renews them. The day's totals ride on the members.
 */
export async function transferPoints(input: z.output<typeof transferInput>, caller: Caller, deps: Deps) {
  const { store } = deps;
  if (input.to === caller.openid) refuse('INVALID_INPUT', '不能转赠给自己');
  const community = await loadCommunity(store, input.communityId);
  // The receiver reads the message in their ledger: screened before anything moves.
  if (input.message) await screenShortText(deps, { openid: caller.openid, scene: 'comment', text: input.message, what: '留言' });
  const time = postingTime(community, caller.now);
  const key = requestKey('points.transfer', input.communityId, caller.openid, input.requestId);

  return store.transaction((tx) =>
    once(
      tx,
      { openid: caller.openid, requestId: input.requestId, params: { action: 'points.transfer', ...input }, now: caller.now },
      async () => {
        const sender = await activeMemberIn(tx, input.communityId, caller.openid);
        const receiver = (await tx.get('members', ids.member(input.communityId, input.to))) ?? refusals.noSuchMember();
        if (receiver.banned) refuse('FORBIDDEN', '对方已被群主暂停参与积分活动');
        const days = checkTransfer(
          community.rules,
          {
            tierIndex: tierOf(sender, community.rules, time.day).index,
            joinedDay: dayOf(new Date(sender.joinedAt), community.timezone),
            transfers: sender.transfers,
          },
          receiver,
          input.amount,
          time.day,
        );
        const detail = { from: sender.openid, to: receiver.openid, message: input.message ?? null };
        const { account, entries, taken } = await recordPostings(
          tx,
          sender,
          [
            {
              id: ids.ledger('transfer', input.communityId, sender.openid, key),
              kind: 'transfer',
              delta: -input.amount,
              reason: `转赠给 ${receiver.nickname}`,
              refId: key,
              detail,
            },
          ],
          time,
          { transfers: days.sender },
        );
        await recordPostings(
          tx,
          receiver,
          [
            {
              id: ids.ledger('gift', input.communityId, receiver.openid, key),
              kind: 'transfer',
              delta: input.amount,
              reason: `${sender.nickname} 赠送`,
              refId: key,
              detail,
              restore: taken,
            },
          ],
          time,
          { transfers: days.receiver },
        );
        return { entry: toEntry(entries[0]), balance: account.balance };
      },
    ),
  );
}
