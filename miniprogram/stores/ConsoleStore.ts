import { makeAutoObservable, runInAction } from 'mobx';
import type { ActionInput, ActionOutput, Badge, Entry, Member, TransferView } from '../../cloudfunctions/contract/api';
import type { CommunityGateway } from '../gateway/communityGateway';
import type { Intents } from '../gateway/gateway';
import { Request } from './request';
import { ADJUST_LIMITS } from '../../cloudfunctions/core/limits';

export type MemberFilters = Omit<ActionInput<'community', 'members'>, 'communityId' | 'cursor' | 'limit'>;
export type Overview = ActionOutput<'stats', 'overview'>;
export type Segments = ActionOutput<'stats', 'segments'>['segments'];
export type ExportKind = ActionInput<'stats', 'export'>['kind'];

/** Opens a downloaded export: Taro.downloadFile + openDocument in WeChat, the link in a browser. */
export type OpenDownload = (file: { url: string; fileName: string }) => Promise<void>;

/** A week's numbers beside the week before, for the console's health cards. */
export interface WeekCard {
  key: 'activeMembers' | 'checkins' | 'pointsIssued' | 'pointsSpent';
  label: string;
  thisWeek: number;
  lastWeek: number;
}

const CARDS: ReadonlyArray<[WeekCard['key'], string]> = [
  ['activeMembers', '活跃人次'],
  ['checkins', '签到'],
  ['pointsIssued', '发放积分'],
  ['pointsSpent', '消耗积分'],
];

/** This week (the last 7 days) against the 7 before, from a 14-day or longer overview. */
export function weekCards(overview: Overview): WeekCard[] {
  const days = overview.days;
  const sum = (from: number, to: number, key: WeekCard['key']) => days.slice(from, to).reduce((total, day) => total + day[key], 0);
  return CARDS.map(([key, label]) => ({ key, label, thisWeek: sum(-7, days.length, key), lastWeek: sum(-14, -7, key) }));
}

/** What is wrong with an adjustment as typed, per field, in plain Chinese; empty when it can go. */
export function adjustmentProblems(amount: string, reason: string): { amount?: string; reason?: string } {
  const problems: { amount?: string; reason?: string } = {};
  const text = amount.trim();
  if (!/^[+-]?\d+$/.test(text)) problems.amount = '请填整数，扣分在前面加 -，例如 -20';
  else if (Number(text) === 0) problems.amount = '调整的积分不能为 0';
  else if (Math.abs(Number(text)) > ADJUST_LIMITS.amount) problems.amount = `一次最多调整 ${ADJUST_LIMITS.amount} 分`;
  if (!reason.trim()) problems.reason = '请写明原因，成员会在积分明细里看到';
  else if (reason.trim().length > ADJUST_LIMITS.reason) problems.reason = `原因最多 ${ADJUST_LIMITS.reason} 个字`;
  return problems;
}

/**
 * The owner's console: find members and act on them, the community's health, exports. State and
 * rules live here; the pages only show it. Every staff action reloads what it changed.
 */
export class ConsoleStore {
  filters: MemberFilters = {};
  members: Member[] = [];
  nextCursor: string | null = null;
  /** The member page: one member, their newest entries and their badges. */
  member: Member | null = null;
  entries: Entry[] = [];
  /** Their newest transfers both ways: who feeds whom. */
  transfers: TransferView[] = [];
  badges: Badge[] = [];
  overview: Overview | null = null;
  segments: Segments = [];
  /** Points members hold against what the stock on sale can honour. */
  mallBalance: ActionOutput<'stats', 'mall'> | null = null;
  notice: string | null = null;
  private readonly listing = new Request('refresh');
  private readonly acting = new Request();
  private readonly health = new Request('refresh');

  constructor(
    private readonly community: CommunityGateway,
    private readonly intents: Intents,
    private readonly openDownload?: OpenDownload,
  ) {
    makeAutoObservable<ConsoleStore, 'community' | 'intents' | 'openDownload' | 'listing' | 'acting' | 'health'>(this, {
      community: false,
      openDownload: false,
      listing: false,
      acting: false,
      health: false,
      intents: false,
    });
  }

  get loading(): boolean {
    return this.listing.pending || this.health.pending;
  }

  get busy(): boolean {
    return this.acting.pending;
  }

  get error(): string | null {
    return this.acting.error ?? this.listing.error ?? this.health.error;
  }

  get weekCards(): WeekCard[] {
    return this.overview ? weekCards(this.overview) : [];
  }

  /** A message belongs to the page that raised it: a page that opens starts without the last one's. */
  clearNotice(): void {
    this.notice = null;
  }

  /** The first page for these filters (a new search or filter starts over). */
  async search(filters: MemberFilters): Promise<void> {
    this.filters = { ...filters, q: filters.q?.trim() || undefined };
    const outcome = await this.listing.run(() => this.community.call('community', 'members', { ...this.filters, limit: 20 }));
    if (outcome.done) runInAction(() => ((this.members = outcome.value.members), (this.nextCursor = outcome.value.nextCursor)));
  }

  async loadMore(): Promise<void> {
    const cursor = this.nextCursor;
    if (!cursor) return;
    const outcome = await this.listing.run(() => this.community.call('community', 'members', { ...this.filters, cursor, limit: 20 }));
    if (outcome.done)
      runInAction(() => ((this.members = [...this.members, ...outcome.value.members]), (this.nextCursor = outcome.value.nextCursor)));
  }

  /** One member's page; another member's page starts without the last one's numbers or message. */
  async open(openid: string): Promise<void> {
    if (this.member?.openid !== openid)
      runInAction(() => ((this.member = null), (this.entries = []), (this.transfers = []), (this.badges = []), (this.notice = null)));
    const outcome = await this.listing.run(() =>
      Promise.all([this.community.call('community', 'member', { openid }), this.community.call('points', 'badges', { openid })]),
    );
    if (outcome.done) {
      const [{ member, entries, transfers }, { badges }] = outcome.value;
      runInAction(() => ((this.member = member), (this.entries = entries), (this.transfers = transfers), (this.badges = badges)));
    }
  }

  /** Adds or takes points with a reason; a retry after a lost answer is the same adjustment. */
  async adjust(delta: number, reason: string): Promise<boolean> {
    const member = this.member;
    if (!member) return false;
    return this.act(`已${delta > 0 ? '加' : '扣'} ${Math.abs(delta)} 分`, () =>
      this.intents.send(`points.adjust:${JSON.stringify({ openid: member.openid, delta, reason })}`, (requestId) =>
        this.community.call('points', 'adjust', { openid: member.openid, delta, reason, requestId }),
      ),
    );
  }

  async setModerator(moderator: boolean): Promise<boolean> {
    const member = this.member;
    if (!member) return false;
    return this.act(moderator ? '已设为管理员' : '已取消管理员', () =>
      this.community.call('community', 'setRole', { openid: member.openid, role: moderator ? 'moderator' : 'member' }),
    );
  }

  async ban(banned: boolean, reason: string): Promise<boolean> {
    const member = this.member;
    if (!member) return false;
    return this.act(banned ? '已禁用：不能再获得或使用积分' : '已解除禁用', () =>
      this.community.call('community', 'ban', { openid: member.openid, banned, reason }),
    );
  }

  async loadHealth(days: 7 | 30 | 90 = 30): Promise<void> {
    const outcome = await this.health.run(() =>
      Promise.all([
        this.community.call('stats', 'overview', { days }),
        this.community.call('stats', 'segments', {}),
        this.community.call('stats', 'mall', {}),
      ]),
    );
    if (outcome.done)
      runInAction(
        () => ((this.overview = outcome.value[0]), (this.segments = outcome.value[1].segments), (this.mallBalance = outcome.value[2])),
      );
  }

  async exportCsv(kind: ExportKind): Promise<boolean> {
    const open = this.openDownload;
    const outcome = await this.acting.run(async () => {
      const file = await this.community.call('stats', 'export', { kind });
      if (open) await open(file);
      return file;
    });
    if (outcome.done) runInAction(() => (this.notice = `已导出 ${outcome.value.rows} 行：${outcome.value.fileName}`));
    return outcome.done;
  }

  /** One staff action on the open member, then the member again (their numbers changed). */
  private async act(done: string, work: () => Promise<unknown>): Promise<boolean> {
    const openid = this.member!.openid;
    const outcome = await this.acting.run(work);
    if (!outcome.done) return false;
    runInAction(() => (this.notice = done));
    await this.open(openid);
    return true;
  }
}
