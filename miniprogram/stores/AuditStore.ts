import { makeAutoObservable, runInAction } from 'mobx';
import type { AuditAction, AuditEvent, Member } from '../../cloudfunctions/contract/api';
import type { CommunityGateway } from '../gateway/communityGateway';
import { Request } from './request';
import { yuan } from '../../cloudfunctions/core/money';

/** Each staff action in a few words, for the 操作日志 and its filter. */
export const AUDIT_ACTION_NAMES: Record<AuditAction, string> = {
  'points.adjust': '调整积分',
  'points.bulkAward': '批量发分',
  'points.importBalances': '导入期初积分',
  'points.matchBalance': '指定领取期初积分',
  'points.purchase': '消费记积分',
  'points.refundPurchase': '消费退货',
  'posts.review': '审核帖子',
  'posts.revoke': '撤回帖子',
  'posts.removeComment': '删除评论',
  'qa.moderate': '审核问答',
  'community.setRole': '设置管理员',
  'community.ban': '禁用成员',
  'community.updateRules': '修改规则',
  'mall.upsertItem': '编辑奖品',
  'mall.fulfil': '完成订单',
  'mall.cancel': '取消订单',
  'mall.upsertDraw': '编辑抽奖',
  'campaigns.upsert': '编辑活动',
  'campaigns.end': '结束活动',
  'pools.upsert': '编辑捐赠',
  'events.upsert': '编辑报名活动',
  'notices.broadcast': '群发公告',
};

/** The filter's chips: the actions an owner looks for most. */
export const AUDIT_FILTERS: AuditAction[] = [
  'points.adjust',
  'points.bulkAward',
  'community.ban',
  'mall.fulfil',
  'mall.cancel',
  'posts.review',
  'community.updateRules',
];

const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');
const signed = (n: unknown) => (typeof n === 'number' ? (n > 0 ? `+${n}` : String(n)) : '');

/** One line of the log in plain words: what was done, to whom, and the facts that matter. */
export function describeAudit(event: Pick<AuditEvent, 'action' | 'memberName' | 'detail'>): string {
  const { detail: d } = event;
  const who = event.memberName ? `「${event.memberName}」` : '';
  switch (event.action) {
    case 'points.adjust':
      return `给${who}${signed(d.delta)} 积分：${text(d.reason)}`;
    case 'points.bulkAward':
      return `给 ${text(d.members)} 人各发 ${signed(d.delta)} 积分：${text(d.reason)}`;
    case 'points.purchase':
      return `给${who}记消费 ¥${yuan(Number(d.amountFen))}，得 ${text(d.points)} 积分`;
    case 'points.refundPurchase':
      return `${who}消费退货，收回 ${text(d.points)} 积分：${text(d.reason)}`;
    case 'community.ban':
      return `${d.banned ? '禁用' : '解除禁用'}${who}${d.reason ? `：${text(d.reason)}` : ''}`;
    case 'community.setRole':
      return `把${who}设为${d.after === 'moderator' ? '管理员' : '普通成员'}`;
    case 'mall.fulfil': {
      const delivery = d.delivery as { courier?: string; trackingNo?: string } | undefined;
      const facts = [delivery ? `${text(delivery.courier)} ${text(delivery.trackingNo)}` : '', text(d.note)].filter(Boolean).join('，');
      return `完成${who}的订单「${text(d.item)}」${facts ? `（${facts}）` : ''}`;
    }
    case 'mall.cancel':
      return `取消${who}的订单「${text(d.item)}」，退回 ${text(d.refunded)} 积分：${text(d.reason)}`;
    case 'posts.review':
      return `${d.decision === 'approve' ? '通过' : '退回'}${who}的帖子`;
    case 'posts.revoke':
      return `撤回${who}的帖子：${text(d.reason)}`;
    case 'posts.removeComment':
      return `删除${who}的评论：${text(d.reason)}`;
    case 'notices.broadcast':
      return `群发「${text(d.title)}」给 ${text(d.members)} 人`;
    case 'points.importBalances':
      return `导入期初积分 ${text(d.rows)} 行，共 ${text(d.points)} 积分`;
    default: {
      // An edit names what it edited (its name before and after, from the audited change).
      const change = d as { after?: { name?: unknown; title?: unknown }; before?: { name?: unknown; title?: unknown } };
      const name = text(change.after?.name ?? change.after?.title ?? change.before?.name ?? change.before?.title ?? d.name);
      return `${AUDIT_ACTION_NAMES[event.action]}${who}${name ? `「${name}」` : ''}`;
    }
  }
}

/** The owner's 操作日志: every staff action, newest first, narrowed by action and by person. */
export class AuditStore {
  events: AuditEvent[] = [];
  nextCursor: string | null = null;
  kind: AuditAction | null = null;
  actor: string | null = null;
  /** The owner and moderators, for the person filter. */
  staff: Array<Pick<Member, 'openid' | 'nickname' | 'role'>> = [];
  readonly request = new Request('refresh');
  /** Each load numbered: a page answered after a later filter's is dropped. */
  private loads = 0;

  constructor(private readonly community: CommunityGateway) {
    makeAutoObservable<AuditStore, 'community' | 'loads'>(this, { community: false, request: false, loads: false });
  }

  get hasMore(): boolean {
    return this.nextCursor !== null;
  }

  get loading(): boolean {
    return this.request.pending;
  }

  loadMore(): Promise<void> {
    return this.load(true);
  }

  async load(more = false): Promise<void> {
    const mine = ++this.loads;
    const filter = { ...(this.kind ? { kind: this.kind } : {}), ...(this.actor ? { actor: this.actor } : {}) };
    const outcome = await this.request.run(() =>
      this.community.call('community', 'audit', { ...filter, limit: 20, cursor: more ? this.nextCursor : null }),
    );
    if (!outcome.done || mine !== this.loads) return;
    runInAction(() => {
      this.events = more ? [...this.events, ...outcome.value.events] : outcome.value.events;
      this.nextCursor = outcome.value.nextCursor;
    });
  }

  async loadStaff(): Promise<void> {
    const outcome = await this.request.run(() =>
      Promise.all((['owner', 'moderator'] as const).map((role) => this.community.call('community', 'members', { role, limit: 50 }))),
    );
    if (outcome.done) runInAction(() => (this.staff = outcome.value.flatMap((page) => page.members)));
  }

  filterBy(filter: { kind?: AuditAction | null; actor?: string | null }): Promise<void> {
    if (filter.kind !== undefined) this.kind = filter.kind;
    if (filter.actor !== undefined) this.actor = filter.actor;
    return this.load();
  }
}
