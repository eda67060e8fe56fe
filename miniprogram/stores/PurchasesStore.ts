import { makeAutoObservable, runInAction } from 'mobx';
import type { ActionOutput, OrderView } from '../../cloudfunctions/contract/api';
import { normalizeCode, READABLE_CODE } from '../../cloudfunctions/core/readableCodes';
import type { CommunityGateway } from '../gateway/communityGateway';
import type { Intents } from '../gateway/gateway';
import type { ScanCode } from '../device/scanner';
import { Request } from './request';
import { fenOfYuan } from '../../cloudfunctions/core/money';
import { PURCHASE_LIMITS, withinLimit } from '../../cloudfunctions/core/limits';

type Scanned = ActionOutput<'points', 'scanMember'>;
type Purchase = ActionOutput<'points', 'purchase'>;

/** Yuan as typed ("99", "99.9", "99.90") in fen, or null when it is not an amount a purchase may be (core/limits). */
export function fenOf(yuan: string): number | null {
  const fen = fenOfYuan(yuan);
  return fen !== null && withinLimit(fen, PURCHASE_LIMITS.amountFen) ? fen : null;
}

const { min, max } = PURCHASE_LIMITS.amountFen;
export const amountProblem = (yuan: string): string | null =>
  fenOf(yuan) === null ? `请填消费金额（元），${min / 100} 到 ${max / 100}，如 99 或 99.90` : null;

/** A pickup code (核销) rather than a member code: eight readable letters and digits. */
export const isPickupCode = (text: string): boolean => READABLE_CODE.test(normalizeCode(text));

/**
 * Staff at the counter: scan (or paste) a member's code, see who it is, type the amount, confirm
 * what it pays, and credit it — once, whatever is tapped twice; a return takes it back. A pickup
 * code on an order is redeemed (核销) by the scan itself.
 */
export class PurchasesStore {
  code = '';
  scanned: Scanned | null = null;
  amount = '';
  note = '';
  /** The points the confirmed amount pays, asked of the server just before confirming. */
  preview: Required<Pick<Scanned['purchase'], 'points' | 'capped'>> | null = null;
  last: (Purchase & { amountFen: number }) | null = null;
  refunded: string | null = null;
  /** The order a scanned pickup code redeemed. */
  verified: OrderView | null = null;
  /** Service, coupon and prize orders waiting to be redeemed (staff home). */
  waiting: number | null = null;
  readonly scanning = new Request();
  readonly crediting = new Request();

  constructor(
    private readonly community: CommunityGateway,
    private readonly intents: Intents,
    private readonly scanCode: ScanCode,
  ) {
    makeAutoObservable<PurchasesStore, 'community' | 'intents' | 'scanCode'>(this, {
      community: false,
      intents: false,
      scanCode: false,
      scanning: false,
      crediting: false,
    });
  }

  setCode(code: string): void {
    this.code = code;
  }

  setAmount(amount: string): void {
    this.amount = amount;
    this.preview = null;
  }

  setNote(note: string): void {
    this.note = note;
  }

  /** Opens the camera; what it reads is looked up at once. */
  async scan(): Promise<void> {
    const code = await this.scanCode();
    if (!code) return;
    this.setCode(code);
    await this.lookUp();
  }

  /** Whose code this is (and whether it can still be used), before anything is credited; a pickup code is redeemed. */
  async lookUp(): Promise<boolean> {
    const code = this.code.trim();
    runInAction(() => ((this.scanned = null), (this.last = null), (this.preview = null), (this.refunded = null), (this.verified = null)));
    if (isPickupCode(code)) {
      const outcome = await this.scanning.run(() => this.community.call('mall', 'verify', { pickupCode: code }));
      if (outcome.done)
        runInAction(
          () => (
            (this.verified = outcome.value.order),
            (this.code = ''),
            this.waiting !== null && (this.waiting = Math.max(0, this.waiting - 1))
          ),
        );
      return outcome.done;
    }
    const outcome = await this.scanning.run(() => this.community.call('points', 'scanMember', { code }));
    if (outcome.done) runInAction(() => (this.scanned = outcome.value));
    return outcome.done;
  }

  /** What the typed amount pays this member now (tier and today's cap), for the confirm. */
  async pricePurchase(): Promise<boolean> {
    const amountFen = fenOf(this.amount);
    if (amountFen === null) return false;
    const outcome = await this.crediting.run(() => this.community.call('points', 'scanMember', { code: this.code.trim(), amountFen }));
    if (outcome.done)
      runInAction(
        () => (
          (this.scanned = outcome.value),
          (this.preview = { points: outcome.value.purchase.points ?? 0, capped: outcome.value.purchase.capped ?? false })
        ),
      );
    return outcome.done;
  }

  /** Credits it; a retry after a lost answer reuses the requestId, so the purchase counts once. */
  async credit(): Promise<boolean> {
    const amountFen = fenOf(this.amount);
    if (amountFen === null) return false;
    const params = { code: this.code.trim(), amountFen, ...(this.note.trim() ? { note: this.note.trim() } : {}) };
    const outcome = await this.crediting.run(() =>
      this.intents.send(`points.purchase:${JSON.stringify(params)}`, (requestId) =>
        this.community.call('points', 'purchase', { ...params, requestId }),
      ),
    );
    if (!outcome.done) return false;
    runInAction(
      () => (
        (this.last = { ...outcome.value, amountFen }),
        (this.scanned = null),
        (this.code = ''),
        (this.amount = ''),
        (this.note = ''),
        (this.preview = null)
      ),
    );
    return true;
  }

  async loadWaiting(): Promise<void> {
    const outcome = await this.scanning.run(() => this.community.call('mall', 'pickupsWaiting', {}));
    if (outcome.done) runInAction(() => (this.waiting = outcome.value.waiting));
  }

  /** The purchase just credited was returned: its points come back off the member. */
  async refundLast(reason: string): Promise<boolean> {
    const entry = this.last?.entry;
    if (!entry) return false;
    const params = { entryId: entry.id, reason };
    const outcome = await this.crediting.run(() =>
      this.intents.send(`points.refundPurchase:${entry.id}`, (requestId) =>
        this.community.call('points', 'refundPurchase', { ...params, requestId }),
      ),
    );
    if (outcome.done) runInAction(() => (this.refunded = `已扣回 ${-outcome.value.entry.delta} 积分`));
    return outcome.done;
  }
}

/** 会员码: the member's code, asked for again before it lapses. */
export class MemberCodeStore {
  code: string | null = null;
  expiresAt: string | null = null;
  readonly request = new Request('refresh');

  constructor(private readonly community: CommunityGateway) {
    makeAutoObservable<MemberCodeStore, 'community'>(this, { community: false, request: false });
  }

  async refresh(): Promise<void> {
    const outcome = await this.request.run(() => this.community.call('points', 'memberCode', {}));
    if (outcome.done) runInAction(() => ((this.code = outcome.value.code), (this.expiresAt = outcome.value.expiresAt)));
  }

  /** Seconds the code shown is still good for at `now`. */
  secondsLeft(now: number): number {
    return this.expiresAt ? Math.max(0, Math.floor((Date.parse(this.expiresAt) - now) / 1000)) : 0;
  }

  /** Whether to ask for the next code now: a code is refreshed 20 s before it lapses, so staff never scan a dead one. */
  due(now: number): boolean {
    return !this.request.pending && this.secondsLeft(now) <= 20;
  }
}
