import type { Worn } from '../../cloudfunctions/core/wearables';
import { makeAutoObservable, runInAction } from 'mobx';
import type { Badge, Entry, Rules } from '../../cloudfunctions/contract/api';
import type { CommunityGateway } from '../gateway/communityGateway';
import type { Intents } from '../gateway/gateway';
import { transferAmountProblem, transferBlocked } from '../../cloudfunctions/core/transfer';
import { Request } from './request';

/** A member's profile: their badges, and 积分转赠 — sending them points, the owner's limits said before sending. */
export class ProfileStore {
  openid: string | null = null;
  badges: Badge[] = [];
  /** The title and frame they wear now. */
  worn: Worn | null = null;
  /** The last gift sent, for the page's thanks. */
  sent: { to: string; entry: Entry; balance: number } | null = null;
  private readonly loading = new Request('refresh');
  private readonly sending = new Request();

  constructor(
    private readonly community: CommunityGateway,
    private readonly intents: Intents,
  ) {
    makeAutoObservable<ProfileStore, 'community' | 'intents' | 'loading' | 'sending'>(this, {
      community: false,
      intents: false,
      loading: false,
      sending: false,
    });
  }

  /** A profile, opened: without the last visit's thanks (another member's, without their badges too). */
  async open(openid: string): Promise<void> {
    runInAction(() => (this.sent = null));
    if (this.openid !== openid) runInAction(() => ((this.openid = openid), (this.badges = []), (this.worn = null)));
    await this.loading.run(async () => {
      const { badges, worn } = await this.community.call('points', 'badges', { openid });
      runInAction(() => ((this.badges = badges), (this.worn = worn)));
    });
  }

  get busy(): boolean {
    return this.sending.pending;
  }

  get error(): string | null {
    return this.sending.error ?? this.loading.error;
  }

  /** Sends `amount` points to `to`; the same gift retried after a lost answer is the same request. */
  async send(to: string, amount: number, message: string): Promise<boolean> {
    const text = message.trim();
    const outcome = await this.sending.run(() =>
      this.intents.send(`points.transfer:${JSON.stringify({ to, amount, text })}`, (requestId) =>
        this.community.call('points', 'transfer', { to, amount, requestId, ...(text ? { message: text } : {}) }),
      ),
    );
    if (outcome.done) runInAction(() => (this.sent = { to, ...outcome.value }));
    return outcome.done;
  }
}

/** The owner's transfer rules as a member reads them before sending. */
export function giftLimits(rule: Rules['transfer']): string[] {
  return [
    `「${rule.minTier}」及以上等级可以转赠`,
    `每次最多 ${rule.maxPerTransfer} 积分，每天最多转出 ${rule.dailyLimit} 积分`,
    `每人每天最多收到 ${rule.receiveDailyLimit} 积分`,
    ...(rule.minMemberDays > 0 ? [`加入满 ${rule.minMemberDays} 天后才能转赠`] : []),
    '收到的积分可以兑换，但不计入等级',
  ];
}

/**
 * Why I cannot give at all, said before an amount is typed (gifts off, my tier below the owner's
 * minimum); null when I may. The membership age and the day's totals are the server's to tell.
 */
export function giftBlocked(rule: Rules['transfer'], tiers: Rules['tiers'], myTier: string | null): string | null {
  // The server's own rule (core/transfer.ts); an unknown tier is left for the server to judge.
  const tierIndex = myTier ? tiers.findIndex((t) => t.name === myTier) : tiers.length - 1;
  const blocked = transferBlocked({ transfer: rule, tiers }, tierIndex);
  return blocked && myTier && rule.enabled ? `${blocked}，你现在是「${myTier}」` : blocked;
}

/** What is wrong with an amount before it is sent; null when it can be. */
export function giftProblem(amount: string, rule: Rules['transfer'], balance: number | null): string | null {
  if (!/^\d+$/.test(amount.trim()) || Number(amount) < 1) return '请填写要转赠的积分（正整数）';
  const n = Number(amount);
  const tooMuch = transferAmountProblem(rule, n);
  if (tooMuch) return tooMuch;
  if (balance !== null && n > balance) return `积分不足：当前 ${balance} 分`;
  return null;
}
