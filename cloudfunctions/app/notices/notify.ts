import type { AppTransaction } from '../kernel/documents';
import type { Deps } from '../kernel/context';
import { ids, type NoticeKind } from '../kernel/documents';
import type { NoticeDoc } from './documents';
import type { MessagePurpose } from '../../platform/ports';

export interface Notice {
  communityId: string;
  openid: string;
  kind: NoticeKind;
  refId: string;
  title: string;
  body: string;
  points: number;
}

/** Writes the in-app notice inside the transaction that decided it; its id makes it once-only. */
export async function writeNotice(tx: AppTransaction, notice: Notice, now: Date): Promise<void> {
  const id = ids.notice(notice.kind, notice.refId);
  const doc: NoticeDoc = { ...notice, read: false, createdAt: now.toISOString(), sortKey: `${now.toISOString()}|${id}` };
  await tx.set('notices', id, doc);
}

const OUTCOME: Record<NoticeKind, string> = {
  post_approved: '已通过',
  post_rejected: '未通过',
  post_removed: '下架扣回',
  answer_accepted: '已采纳',
  referral_rewarded: '已奖励',
  order_fulfilled: '已发货',
  order_cancelled: '已取消',
  order_refunded: '已退款',
  order_paid: '已支付',
  points_adjusted: '积分调整',
  broadcast: '群公告',
  pool_funded: '众筹成功',
  pool_failed: '众筹未成',
  achievement: '已达成',
  tier_keep: '保级提醒',
  tier_down: '等级调整',
  expiry_soon: '即将过期',
  purchase_credited: '购物积分',
  purchase_refunded: '退货扣回',
  post_commented: '新评论',
  comment_removed: '评论被删除',
  event_attended: '活动签到',
  event_reminder: '活动提醒',
};

/** Which subscription template carries a kind of news outside the app; the others stay in-app. */
const PURPOSE: Partial<Record<NoticeKind, MessagePurpose>> = {
  post_approved: 'reviewResult',
  post_rejected: 'reviewResult',
  post_removed: 'reviewResult',
  answer_accepted: 'reviewResult',
  referral_rewarded: 'pointsChanged',
  expiry_soon: 'pointsChanged',
  points_adjusted: 'pointsChanged',
  order_fulfilled: 'orderUpdate',
  order_cancelled: 'orderUpdate',
  order_refunded: 'orderUpdate',
  order_paid: 'orderUpdate',
  purchase_credited: 'pointsChanged',
  purchase_refunded: 'pointsChanged',
  // Only to members with an announcement acceptance left (runBatch counts them down).
  broadcast: 'announcement',
};

/** After the transaction: the same news as a WeChat subscription message, best effort, never failing the action. */
export async function sendNotice(deps: Deps, notice: Notice, subject: string, page: string): Promise<void> {
  const purpose = PURPOSE[notice.kind];
  if (!purpose) return;
  await deps.platform.messages
    .send({ purpose, openid: notice.openid, subject, outcome: OUTCOME[notice.kind], points: notice.points, note: notice.body, page })
    .catch((error) => deps.log?.(`${purpose} message not sent`, error));
}
