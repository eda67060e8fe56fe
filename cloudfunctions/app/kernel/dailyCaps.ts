import { creditUnderCap, type CappedAction } from '../../core/caps';
import type { AppTransaction } from './documents';
import { ids, type DailyDoc } from './documents';

/**
 * Inside the crediting transaction: whether one more `action` may be paid to this member on
 * this community day, counting it if so. Over the cap the action still happens, unpaid.
 */
export async function creditToday(
  tx: AppTransaction,
  who: { communityId: string; openid: string; day: string },
  action: CappedAction,
  cap: number,
): Promise<boolean> {
  const id = ids.daily(who.communityId, who.openid, who.day);
  const today = await tx.get('daily', id);
  const { credited, counts } = creditUnderCap(today?.counts ?? {}, action, cap);
  if (credited) await tx.set('daily', id, { communityId: who.communityId, openid: who.openid, day: who.day, counts } satisfies DailyDoc);
  return credited;
}

/** API.md: an answer over a daily cap carries `capped: true`; otherwise the field is absent. */
export const cappedField = (capped: boolean): { capped?: true } => (capped ? { capped: true } : {});
