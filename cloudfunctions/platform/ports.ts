import type { PaymentParams } from '../contract/views';
/**
 * The outside services a use case needs besides the database, as ports. The cloud adapters
 * (platform/cloud) call WeChat's open APIs; the local ones (platform/local) stand in for them
 * on one machine. Use cases never call either directly.
 */

/** What a content check concludes: publish, hold for a person, or refuse. */
export type Suggest = 'pass' | 'review' | 'risky';

export interface Verdict {
  suggest: Suggest;
  /** Why, in Chinese (e.g. 广告, 违法犯罪); null on pass. */
  label: string | null;
}

/** Where the text appears, which tunes WeChat's check: 1 profile (nicknames, names), 2 comment (answers, gift messages), 3 forum (posts, questions). */
export type TextScene = 'profile' | 'comment' | 'forum';

export interface ContentSecurity {
  checkText(check: { openid: string; scene: TextScene; text: string }): Promise<Verdict>;
  /**
   * Starts an asynchronous image check. The verdict arrives later, on its own, as a
   * `posts.mediaVerdict` call carrying this traceId.
   */
  startImageCheck(check: { openid: string; fileId: string }): Promise<{ traceId: string }>;
}

/**
 * Why a member is told something outside the app; each purpose is its own WeChat subscription
 * template (set at deploy time), accepted by the member for that purpose.
 */
export type MessagePurpose = 'reviewResult' | 'pointsChanged' | 'orderUpdate' | 'checkinReminder' | 'announcement';
export const MESSAGE_PURPOSES: readonly MessagePurpose[] = [
  'reviewResult',
  'pointsChanged',
  'orderUpdate',
  'checkinReminder',
  'announcement',
];

/** News for a member outside the app (a WeChat subscription message in the cloud). */
export interface OutsideMessage {
  purpose: MessagePurpose;
  openid: string;
  /** What it is about: a post's text, a reward's name; the adapter clips it to its template. */
  subject: string;
  /** 已通过 / 未通过 / 下架扣回 / 已采纳 / 已奖励 / 已发货 / 已取消 / 即将过期 */
  outcome: string;
  /** Points awarded, refunded or expiring, or (negative) taken back. */
  points: number;
  note: string;
  /** The mini-program page it opens. */
  page: string;
}

export interface Messenger {
  /** Best effort: a member who has not subscribed, or a purpose with no template, gets nothing. Never throws. */
  send(message: OutsideMessage): Promise<void>;
}

/** WeChat's judgement of how risky an account is (riskControl.getUserRiskRank, scene 1: marketing). */
export interface RiskControl {
  /** 0 (lowest) … 4 (highest). */
  userRiskRank(check: { openid: string; clientIp: string | null }): Promise<number>;
}

/** A mini-program code for a page (wxacode.getUnlimited in the cloud), stored as an image. */
export interface MiniProgramCodes {
  /** An image address for <Image>, or null where the platform has no mini-program codes (local: the app draws a QR). */
  codeFor(request: { page: string; scene: string }): Promise<string | null>;
}

/** A file for the owner to download (an export): stored, and a link that works for an hour of real time. */
export interface Downloads {
  publish(file: { name: string; content: Buffer }): Promise<{ url: string }>;
}

/**
 * WeChat open data behind a cloudID, opened on the server (cloud.getOpenData): the group a card
 * was tapped in (wx.getGroupEnterInfo). Never what an event claims the cloudID holds — a client
 * can send any object — so a forged group opens to nothing.
 */
export interface OpenData {
  /** The group's opengid, or null for a cloudID that is expired, foreign or not a group's. `now` is the request's clock (the local stand-in's expiry). */
  groupOf(cloudID: string, now: Date): Promise<string | null>;
}

export interface Platform {
  openData: OpenData;
  content: ContentSecurity;
  messages: Messenger;
  risk: RiskControl;
  codes: MiniProgramCodes;
  downloads: Downloads;
  payment: Payment;
}

/** What WeChat Pay is asked to collect for one order (积分+现金: the cash half). */
export interface PaymentRequest {
  /** Our order id: WeChat Pay's out_trade_no (≤ 32 of [A-Za-z0-9_-]). */
  orderId: string;
  amountFen: number;
  /** 商品描述, e.g. "花园宝妈互助群-空气炸锅". */
  description: string;
  clientIp: string | null;
  /** The end of the payment window: WeChat Pay refuses to collect after it (time_expire). */
  expiresAt: string;
}

/** Money going back for one paid order, in full. */
export interface RefundRequest {
  orderId: string;
  /** Our refund number (out_refund_no): one per order, the same on every retry, so WeChat Pay refunds it once. */
  refundId: string;
  amountFen: number;
  reason: string;
}

/**
 * Where a refund stands at WeChat Pay. `accepted`: asked, not yet settled (a refund is final only
 * when WeChat Pay says so); `refunded` / `failed`: settled; `unknown`: not asked yet, or no answer.
 */
export type RefundState = 'accepted' | 'refunded' | 'failed' | 'unknown';

/**
 * WeChat Pay (cloud.cloudPay in the cloud; a stand-in locally, where POST /dev/pay plays the
 * payment result). Its result never comes from a client: see platform/cloud/payNotify.ts.
 */
export interface Payment {
  /** A merchant account is bound (the cloud: WX_PAY_SUB_MCH_ID is set); without one nothing is sold for cash. */
  readonly ready: boolean;
  unifiedOrder(request: PaymentRequest): Promise<PaymentParams>;
  /** Closes an unpaid order (closeOrder), so it can no longer be paid. Closing a closed one is fine. */
  closeOrder(orderId: string): Promise<void>;
  /** Asks for a refund (cloudPay.refund); the same refundId again is the same refund. */
  refund(request: RefundRequest): Promise<RefundState>;
  /** Asks WeChat Pay where a refund stands (cloudPay.queryRefund). */
  refundState(refundId: string): Promise<RefundState>;
}
