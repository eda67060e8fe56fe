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

/** Where the text appears, which tunes WeChat's check: 2 comment (answers), 3 forum (posts, questions). */
export type TextScene = 'comment' | 'forum';

export interface ContentSecurity {
  checkText(check: { openid: string; scene: TextScene; text: string }): Promise<Verdict>;
  /**
   * Starts an asynchronous image check. The verdict arrives later, on its own, as a
   * `posts.mediaVerdict` call carrying this traceId.
   */
  startImageCheck(check: { openid: string; fileId: string }): Promise<{ traceId: string }>;
}

/** A review outcome for a member outside the app (a WeChat subscription message in the cloud). */
export interface ReviewMessage {
  openid: string;
  /** What was reviewed, e.g. the post's text; the adapter clips it to what its template holds. */
  subject: string;
  /** 已通过 / 未通过 / 下架扣回 / 已采纳 / 已奖励 */
  outcome: string;
  /** Points awarded, or (negative) taken back. */
  points: number;
  note: string;
  /** The mini-program page it opens. */
  page: string;
}

export interface Messenger {
  /** Best effort: a member who has not subscribed simply gets nothing. Never throws. */
  sendReviewResult(message: ReviewMessage): Promise<void>;
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

export interface Platform {
  content: ContentSecurity;
  messages: Messenger;
  risk: RiskControl;
  codes: MiniProgramCodes;
  downloads: Downloads;
}
