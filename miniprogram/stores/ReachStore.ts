import { makeAutoObservable, runInAction } from 'mobx';
import type { ActionOutput, Batch } from '../../cloudfunctions/contract/api';
import type { SegmentKey } from '../../cloudfunctions/core/activity';
import type { CommunityGateway } from '../gateway/communityGateway';
import type { Intents } from '../gateway/gateway';
import { Request } from './request';
import { AWARD_LIMITS, BROADCAST_LIMITS, typedWithin } from '../../cloudfunctions/core/limits';

export type Audience = 'all' | 'segment' | 'list';
type Segments = ActionOutput<'stats', 'segments'>['segments'];

export interface AwardForm {
  audience: Audience;
  segment: SegmentKey;
  /** Openids or nicknames, one per line (commas and 、 also separate). */
  list: string;
  amount: string;
  reason: string;
}

export interface BroadcastForm {
  audience: Exclude<Audience, 'list'>;
  segment: SegmentKey;
  title: string;
  body: string;
}

/** The names or openids of a pasted list, each once, in order. */
export const namesIn = (text: string): string[] => [
  ...new Set(
    text
      .split(/[\n,，、;；]+/)
      .map((name) => name.trim())
      .filter(Boolean),
  ),
];

/** What to fix in an award, by field; empty when it can go. */
export function awardProblems(form: AwardForm): Partial<Record<'list' | 'amount' | 'reason', string>> {
  const problems: Partial<Record<'list' | 'amount' | 'reason', string>> = {};
  if (form.audience === 'list' && namesIn(form.list).length === 0) problems.list = '请填成员的昵称或 openid，每行一个';
  if (form.audience === 'list' && namesIn(form.list).length > AWARD_LIMITS.members)
    problems.list = `一次最多 ${AWARD_LIMITS.members} 位成员`;
  const { amount } = AWARD_LIMITS;
  if (!typedWithin(form.amount, amount)) problems.amount = `每人发 ${amount.min} 到 ${amount.max} 积分`;
  if (!form.reason.trim()) problems.reason = '请写明原因，成员会在积分明细里看到';
  else if (form.reason.trim().length > AWARD_LIMITS.reason) problems.reason = `原因最多 ${AWARD_LIMITS.reason} 个字`;
  return problems;
}

/** What to fix in an announcement, by field. */
export function broadcastProblems(form: BroadcastForm): Partial<Record<'title' | 'body', string>> {
  const problems: Partial<Record<'title' | 'body', string>> = {};
  if (!form.title.trim()) problems.title = '请写标题';
  else if (form.title.trim().length > BROADCAST_LIMITS.title) problems.title = `标题最多 ${BROADCAST_LIMITS.title} 个字`;
  if (!form.body.trim()) problems.body = '请写公告内容';
  else if (form.body.trim().length > BROADCAST_LIMITS.body) problems.body = `内容最多 ${BROADCAST_LIMITS.body} 个字`;
  return problems;
}

/**
 * The owner's reach: points to many members at once and announcements to a segment or everyone.
 * A pasted list is matched to members first (exact nickname or openid), so the owner sees who
 * will get points, and who could not be found, before confirming; a batch too big for its call
 * keeps running on the server and is followed here until it is done.
 */
export class ReachStore {
  award: AwardForm = { audience: 'segment', segment: 'active', list: '', amount: '', reason: '' };
  cast: BroadcastForm = { audience: 'all', segment: 'active', title: '', body: '' };
  segments: Segments = [];
  /** Everyone, staff included, as of the last count: what a broadcast or award to all reaches. */
  members = 0;
  /** When the health numbers were counted (null: not yet — then no count is shown). */
  countedAt: string | null = null;
  /** The pasted list matched: who will be credited, and the lines that matched nobody or several. */
  matched: { openids: string[]; missing: string[]; ambiguous: string[] } | null = null;
  awardBatch: Batch | null = null;
  castBatch: Batch | null = null;
  readonly loading = new Request('refresh');
  readonly awarding = new Request();
  readonly casting = new Request();

  constructor(
    private readonly community: CommunityGateway,
    private readonly intents: Intents,
  ) {
    makeAutoObservable<ReachStore, 'community' | 'intents'>(this, {
      community: false,
      intents: false,
      loading: false,
      awarding: false,
      casting: false,
    });
  }

  async load(): Promise<void> {
    const outcome = await this.loading.run(() => this.community.call('stats', 'segments', {}));
    if (outcome.done)
      runInAction(
        () => ((this.segments = outcome.value.segments), (this.members = outcome.value.members), (this.countedAt = outcome.value.asOf)),
      );
  }

  setAward(changes: Partial<AwardForm>): void {
    this.award = { ...this.award, ...changes };
    if ('list' in changes || 'audience' in changes) this.matched = null;
  }

  setCast(changes: Partial<BroadcastForm>): void {
    this.cast = { ...this.cast, ...changes };
  }

  /** How many members an audience reaches: a segment's count from the health numbers (an hour old at most), a list once matched. */
  reach(audience: Audience, segment: SegmentKey): number | null {
    if (audience === 'list') return this.matched?.openids.length ?? null;
    if (!this.countedAt) return null;
    return audience === 'all' ? this.members : (this.segments.find((s) => s.key === segment)?.members ?? 0);
  }

  /** Matches each pasted name to a member: an openid as is, a nickname only when exactly one member has it. */
  async matchList(): Promise<boolean> {
    const names = namesIn(this.award.list);
    const outcome = await this.awarding.run(async () => {
      const found = await Promise.all(names.map((q) => this.community.call('community', 'members', { q, limit: 5 })));
      const openids: string[] = [];
      const missing: string[] = [];
      const ambiguous: string[] = [];
      names.forEach((name, i) => {
        const exact = found[i].members.filter((m) => m.openid === name || m.nickname === name);
        if (exact.length === 1) openids.push(exact[0].openid);
        else (exact.length ? ambiguous : missing).push(name);
      });
      return { openids: [...new Set(openids)], missing, ambiguous };
    });
    if (outcome.done) runInAction(() => (this.matched = outcome.value));
    return outcome.done;
  }

  /** Sends the award; a retry after a lost answer reuses its requestId, so nobody is credited twice. */
  async sendAward(): Promise<boolean> {
    const { audience, segment, amount, reason } = this.award;
    const params = {
      ...(audience === 'list' ? { openids: this.matched?.openids ?? [] } : audience === 'segment' ? { segment } : {}),
      delta: Number(amount.trim()),
      reason: reason.trim(),
    };
    const outcome = await this.awarding.run(() =>
      this.intents.send(`points.bulkAward:${JSON.stringify(params)}`, (requestId) =>
        this.community.call('points', 'bulkAward', { ...params, requestId }),
      ),
    );
    if (outcome.done) runInAction(() => (this.awardBatch = outcome.value.batch));
    return outcome.done;
  }

  async sendBroadcast(): Promise<boolean> {
    const { audience, segment, title, body } = this.cast;
    const params = { title: title.trim(), body: body.trim(), ...(audience === 'segment' ? { segment } : {}) };
    const outcome = await this.casting.run(() =>
      this.intents.send(`notices.broadcast:${JSON.stringify(params)}`, (requestId) =>
        this.community.call('notices', 'broadcast', { ...params, requestId }),
      ),
    );
    if (outcome.done) runInAction(() => (this.castBatch = outcome.value.batch));
    return outcome.done;
  }

  /** Asks where the running batches stand (the page asks every few seconds while one runs). */
  async follow(): Promise<void> {
    for (const key of ['awardBatch', 'castBatch'] as const) {
      const batch = this[key];
      if (batch?.status !== 'running') continue;
      const outcome = await this.loading.run(() => this.community.call('points', 'batch', { batchId: batch.id }));
      if (outcome.done) runInAction(() => (this[key] = outcome.value.batch));
    }
  }

  get running(): boolean {
    return this.awardBatch?.status === 'running' || this.castBatch?.status === 'running';
  }
}
