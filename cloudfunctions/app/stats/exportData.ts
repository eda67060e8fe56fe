import { orderStatusName } from '../../core/mall';
import { ENTRY_KIND_NAMES } from '../../core/ledger';
import * as z from 'zod';
import { csvOf, type Cell } from '../../core/csv';
import { dayOf, localDateTime } from '../../core/days';
import { OWNER, ROLE_NAMES } from '../../core/roles';
import type { Query } from '../../store/port';
import type { Caller, Deps } from '../kernel/context';
import { requireMember } from '../kernel/access';
import type { AppStore, Collections, Found } from '../kernel/documents';
import { MEMBER_VIEW_FIELDS, toMember } from '../community/toMember';
import { SEGMENTS } from '../../core/activity';
import { pageOf } from '../kernel/paging';
import { exportInput } from './inputs';
import { yuan } from '../../core/money';

/** Rows per page: pageOf reads one more to see whether there are more, and the cloud answers at most 1,000. */
const PAGE = 999;

const SEGMENT_NAMES = Object.fromEntries(SEGMENTS.map((s) => [s.key, s.name]));
const FILE_KIND = { members: '成员', ledger: '积分流水', orders: '订单', balances: '期初积分' } as const;

/**
 * The owner downloads the community's members, ledger or orders as a CSV that Excel opens in
 * Chinese (core/csv.ts). Every row is read, 999 a page: an export is the one
 * request whose reads grow with the community — give the stats function the 60 s timeout (the
 * README says so) for communities past 100,000 rows. The file is stored and linked for an hour.
 */
export async function exportData(input: z.output<typeof exportInput>, caller: Caller, deps: Deps) {
  const { community } = await requireMember(deps.store, input.communityId, caller.openid, OWNER);
  const today = dayOf(caller.now, community.timezone);
  const local = (iso: string) => localDateTime(new Date(iso), community.timezone);
  const { header, rows } = await tableOf(input.kind, deps.store, input.communityId, { community, today, local });
  const fileName = `${safe(community.name)}-${FILE_KIND[input.kind]}-${today}.csv`;
  const { url } = await deps.platform.downloads.publish({ name: fileName, content: Buffer.from(csvOf(header, rows), 'utf8') });
  return { fileName, rows: rows.length, url };
}

type Context = { community: Parameters<typeof toMember>[1]; today: string; local: (iso: string) => string };

async function tableOf(
  kind: z.output<typeof exportInput>['kind'],
  store: AppStore,
  communityId: string,
  { community, today, local }: Context,
): Promise<{ header: string[]; rows: Cell[][] }> {
  if (kind === 'members') {
    const members = await everything(store, 'members', communityId, 'sortKey', [...MEMBER_VIEW_FIELDS, 'sortKey']);
    return {
      header: [
        '昵称',
        'openid',
        '角色',
        '等级',
        '当前积分',
        '累计积分',
        '连续签到',
        '最近活跃',
        '分层',
        '加入时间',
        '来自群',
        '邀请人',
        '已禁用',
      ],
      rows: members.map((doc) => {
        const m = toMember(doc, community, today);
        return [
          m.nickname,
          m.openid,
          ROLE_NAMES[m.role],
          m.tier,
          m.balance,
          m.earnedTotal,
          m.streak,
          m.lastActiveDay,
          m.segment ? SEGMENT_NAMES[m.segment] : '管理团队',
          local(m.joinedAt),
          m.groupId,
          m.invitedBy,
          m.banned ? '是' : '否',
        ];
      }),
    };
  }
  if (kind === 'balances') {
    // What a spreadsheet brought in goes out as text: a name like =HYPERLINK(…) is defused by csvOf, never run.
    const rows = await everything(store, 'openingBalances', communityId, 'sortKey', [
      'importId',
      'line',
      'name',
      'points',
      'note',
      'code',
      'status',
      'claimedBy',
      'claimedAt',
      'claimedHow',
      'sortKey',
    ]);
    return {
      header: ['导入批次', '行号', '名字', '积分', '备注', '领取码', '状态', '领取人 openid', '领取时间', '领取方式'],
      rows: rows.map((r) => [
        r.importId,
        r.line,
        r.name,
        r.points,
        r.note,
        `${r.code.slice(0, 4)}-${r.code.slice(4)}`,
        r.status === 'open' ? '待领取' : '已领取',
        r.claimedBy,
        r.claimedAt && local(r.claimedAt),
        r.claimedHow && (r.claimedHow === 'owner' ? '群主指定' : '领取码'),
      ]),
    };
  }
  if (kind === 'ledger') {
    const entries = await everything(store, 'ledger', communityId, 'timeKey', [
      'openid',
      'createdAt',
      'kind',
      'delta',
      'balanceAfter',
      'reason',
      'refId',
      'timeKey',
    ]);
    return {
      header: ['时间', 'openid', '类型', '积分', '变动后余额', '说明', '关联'],
      rows: entries.map((e) => [local(e.createdAt), e.openid, ENTRY_KIND_NAMES[e.kind], e.delta, e.balanceAfter, e.reason, e.refId]),
    };
  }
  const orders = await everything(store, 'orders', communityId, 'sortKey', [
    'openid',
    'nickname',
    'itemName',
    'quantity',
    'points',
    'status',
    'kind',
    'shipping',
    'couponCodes',
    'note',
    'cancelReason',
    'createdAt',
    'sortKey',
    'payment',
    'paidAfterExpiry',
    'poolId',
  ]);
  // The cash columns let the owner reconcile with WeChat Pay's bill (商户平台), and find what to refund.
  return {
    header: [
      '下单时间',
      '订单号',
      'openid',
      '昵称',
      '奖品',
      '数量',
      '积分',
      '状态',
      '收货人',
      '电话',
      '地址',
      '券码',
      '备注',
      '取消原因',
      '现金（元）',
      '微信支付单号',
      '取消后才到账（需退款）',
      '众筹',
    ],
    rows: orders.map((o) => [
      local(o.createdAt),
      o._id,
      o.openid,
      o.nickname,
      o.itemName,
      o.quantity,
      o.points,
      orderStatusName(o),
      o.shipping?.name ?? null,
      o.shipping?.phone ?? null,
      o.shipping?.address ?? null,
      o.couponCodes.join(' '),
      o.note,
      o.cancelReason,
      o.payment ? yuan(o.payment.amountFen) : null,
      o.payment?.transactionId ?? null,
      o.paidAfterExpiry ? '是' : null,
      o.poolId ? '是' : null,
    ]),
  };
}

/** Every document of the community in `key` order, 999 a page, reading only `fields`. */
async function everything<K extends 'members' | 'ledger' | 'orders' | 'openingBalances', F extends keyof Collections[K] & string>(
  store: AppStore,
  collection: K,
  communityId: string,
  key: F,
  fields: readonly F[],
) {
  const rows: Array<Found<Pick<Collections[K], F>>> = [];
  for (let cursor: string | null = null; ;) {
    const page: { rows: Array<Found<Pick<Collections[K], F>>>; nextCursor: string | null } = await pageOf(
      store,
      collection,
      { communityId } as Query<Collections[K]>['where'],
      { cursor, limit: PAGE, order: 'asc', by: key, fields },
    );
    rows.push(...page.rows);
    if (!page.nextCursor) return rows;
    cursor = page.nextCursor;
  }
}

/** A community name fit for a file name on any system. */
const safe = (name: string) => name.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 40) || '社群';
