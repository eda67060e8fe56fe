import { dayOf } from '../../core/days';
import type { Batch } from '../../contract/api';
import { allLimited } from '../kernel/calls';
import { MEMBER_VIEW_FIELDS, toMember, type MemberFacts } from '../community/toMember';
import type { Deps } from '../kernel/context';
import { ids, type AppTransaction, type Found } from '../kernel/documents';
import type { BatchDoc } from './documents';
import type { CommunityDoc, MemberDoc } from '../community/documents';
import { postingTime, recordPostings } from '../kernel/ledgerWrites';
import { sendNotice, writeNotice, type Notice } from '../notices/notify';
import { DuplicateError } from '../../store/port';
import { loadCommunity } from '../kernel/access';
import type { SheetRow } from '../../core/balanceSheet';
import { openRow } from '../balances/openRow';
import type { Campaign } from '../../core/campaigns';
import { addSums, enrolledIn, inPilot, noSums, trailSums, type GroupSums } from '../../core/pilots';

/** Members a page; openids a targets document; skipped members kept by name (the rest counted). */
const PAGE = 50;
export const TARGETS_PER_DOC = 1000;
const SKIPPED_KEPT = 1000;
/** Notices written together in one transaction (a broadcast): fewer transactions, each still small. */
const NOTICES_PER_TRANSACTION = 10;

type Outcome = 'done' | { skip: string };

/** How long the owner's call itself carries its batch before leaving it to the job (a request's 3 s, less a margin). */
export const CALL_BUDGET_MS = 1500;

export const toBatch = (batch: Found<BatchDoc>): Batch => ({
  id: batch._id,
  kind: batch.kind,
  status: batch.status,
  total: batch.total,
  credited: batch.done,
  skipped: batch.skipped,
});

/** Creates the batch and its listed targets (members, or an import's rows) in the caller's transaction; the pages run after it commits. */
export async function createBatch(
  tx: AppTransaction,
  id: string,
  batch: BatchDoc,
  listed: { openids: string[] } | { rows: SheetRow[] } | null,
): Promise<void> {
  await tx.create('batches', id, batch);
  const targets: unknown[] = listed ? ('openids' in listed ? listed.openids : listed.rows) : [];
  for (let n = 0; n * TARGETS_PER_DOC < targets.length; n++) {
    const part = targets.slice(n * TARGETS_PER_DOC, (n + 1) * TARGETS_PER_DOC);
    await tx.create('batchTargets', `${id}:${n}`, {
      communityId: batch.communityId,
      ...(listed && 'rows' in listed ? { rows: part as SheetRow[] } : { openids: part as string[] }),
    });
  }
}

/** What a report reads of each member besides their facts: their days (core/pilots.ts). */
const TRAIL_FIELDS = ['checkinMonths', 'recentEarned', 'recentSpent', 'pilots'] as const;

type PageMember = MemberFacts & Pick<MemberDoc, 'announcementsLeft' | (typeof TRAIL_FIELDS)[number]>;

interface Target {
  /** Who a skip is reported by: the member's openid, or an imported row's line. */
  openid: string;
  member: PageMember | null;
  row?: SheetRow;
}

/** The next page of a batch: listed openids or rows, or the members of its segment who had joined by the call. */
async function nextPage(
  deps: Deps,
  batch: Found<BatchDoc>,
  community: CommunityDoc,
): Promise<{ targets: Target[]; cursor: number | string; finished: boolean }> {
  if (batch.listed) {
    const at = batch.cursor as number;
    const chunk = await deps.store.get('batchTargets', `${batch._id}:${Math.floor(at / TARGETS_PER_DOC)}`);
    const slice = <T>(list: T[] | undefined) => (list ?? []).slice(at % TARGETS_PER_DOC, (at % TARGETS_PER_DOC) + PAGE);
    const targets: Target[] = chunk?.rows
      ? slice(chunk.rows).map((row) => ({ openid: `第 ${row.line} 行`, member: null, row }))
      : slice(chunk?.openids).map((openid) => ({ openid, member: null }));
    const cursor = at + targets.length;
    return { targets, cursor, finished: cursor >= batch.total || targets.length === 0 };
  }
  const rows = await deps.store.find('members', {
    where: { communityId: batch.communityId, sortKey: { gt: batch.cursor as string, lt: `${batch.createdAt}|\uffff` } },
    orderBy: [['sortKey', 'asc']],
    limit: PAGE,
    fields: [...MEMBER_VIEW_FIELDS, 'sortKey', 'announcementsLeft', ...(batch.kind === 'report' ? TRAIL_FIELDS : [])],
  });
  // Segments by the day of the call, so a batch that runs past midnight does not move their bounds.
  const day = dayOf(new Date(batch.createdAt), community.timezone);
  const wanted = rows.filter((m) => !batch.segment || toMember(m, community, day).segment === batch.segment);
  return {
    targets: wanted.map((member) => ({ openid: member.openid, member })),
    cursor: rows.at(-1)?.sortKey ?? (batch.cursor as string),
    finished: rows.length < PAGE,
  };
}

/**
 * An award: the member's credit, with its notice, in the member's transaction. Its entry's id
 * is the batch's and the member's, create-only, so a credit made before (a page done again, a
 * racing run) fails that create and counts as done.
 */
async function award(deps: Deps, batch: Found<BatchDoc>, community: Found<CommunityDoc>, openid: string, now: Date): Promise<Outcome> {
  let told: Notice | null = null;
  try {
    const outcome = await deps.store.transaction(async (tx): Promise<Outcome> => {
      told = null;
      const member = await tx.get('members', ids.member(batch.communityId, openid));
      if (!member) return { skip: '不是社群成员' };
      if (member.banned) return { skip: '已被暂停参与' };
      const id = ids.ledger('adjust', batch.communityId, openid, `batch:${batch._id}`);
      await recordPostings(
        tx,
        member,
        [{ id, kind: 'adjust', delta: batch.delta!, reason: batch.reason!, refId: batch._id }],
        postingTime(community, now),
      );
      const notice: Notice = {
        communityId: batch.communityId,
        openid,
        kind: 'points_adjusted',
        refId: id,
        title: `群主奖励了 ${batch.delta} 积分`,
        body: batch.reason!,
        points: batch.delta!,
      };
      await writeNotice(tx, notice, now);
      told = notice;
      return 'done';
    });
    if (told) await sendNotice(deps, told, batch.reason!, '/pages/ledger/index');
    return outcome;
  } catch (error) {
    if (error instanceof DuplicateError) return 'done';
    throw error;
  }
}

/**
 * A broadcast: the notice of each member of a group, written together; `tx.set` by id, so once.
 * A member with an announcement acceptance left is also sent it as a WeChat message, using one
 * up — only if their notice was not there yet, so a page done again sends and counts nothing twice.
 */
async function tell(deps: Deps, batch: Found<BatchDoc>, members: PageMember[], now: Date): Promise<Outcome[]> {
  const told = members.filter((m) => !m.banned);
  let messaged: Notice[] = [];
  await deps.store.transaction(async (tx) => {
    messaged = [];
    for (const m of told) {
      const notice: Notice = {
        communityId: batch.communityId,
        openid: m.openid,
        kind: 'broadcast',
        refId: `${batch._id}:${m.openid}`,
        title: batch.title!,
        body: batch.body!,
        points: 0,
      };
      if (m.announcementsLeft && !(await tx.get('notices', ids.notice('broadcast', notice.refId)))) {
        const member = await tx.get('members', ids.member(batch.communityId, m.openid));
        if (member?.announcementsLeft) {
          await tx.update('members', member._id, { announcementsLeft: member.announcementsLeft - 1 });
          messaged.push(notice);
        }
      }
      await writeNotice(tx, notice, now);
    }
  });
  for (const notice of messaged) await sendNotice(deps, notice, notice.title, '/pages/notices/index');
  return members.map((m) => (m.banned ? { skip: '已被暂停参与' } : 'done'));
}

/** A segment pilot: its members as the segment stood at the call, enrolled on their documents (core/pilots.ts). */
async function enrol(deps: Deps, batch: Found<BatchDoc>, members: PageMember[]): Promise<Outcome[]> {
  await deps.store.transaction(async (tx) => {
    for (const m of members) {
      const member = await tx.get('members', ids.member(batch.communityId, m.openid));
      if (member && !member.pilots?.includes(batch.campaignId!))
        await tx.update('members', member._id, { pilots: enrolledIn(member.pilots, batch.campaignId!) });
    }
  });
  return members.map(() => 'done');
}

/** A report's page: each member's days summed into the pilot's side or the rest's. Reads only. */
function pageSums(batch: Found<BatchDoc>, campaign: Campaign | null, members: PageMember[]): { pilot: GroupSums; rest: GroupSums } {
  const sums = { pilot: noSums(), rest: noSums() };
  for (const m of members) {
    const side = campaign?.pilot && inPilot(campaign.id, campaign.pilot, m) ? 'pilot' : 'rest';
    sums[side] = addSums(sums[side], trailSums(m, batch.window!));
  }
  return sums;
}

/** Members in groups of ten, each group one transaction (a broadcast's notices, a pilot's enrolments). */
const inGroups = async (targets: Target[], work: (members: PageMember[]) => Promise<Outcome[]>): Promise<Outcome[]> =>
  (
    await allLimited(
      Array.from(
        { length: Math.ceil(targets.length / NOTICES_PER_TRANSACTION) },
        (_, i) => () => work(targets.slice(i * NOTICES_PER_TRANSACTION, (i + 1) * NOTICES_PER_TRANSACTION).map((t) => t.member!)),
      ),
    )
  ).flat();

/**
 * Carries a batch on, a page at a time, while `hasTime` says so: each page's members are
 * credited or told (never more than 10 calls in flight), then the cursor and counts move in one
 * transaction that first checks no other run moved them — so a page done twice (a retry, the call
 * and the job at once) is counted once. Answers the batch as it stands.
 */
export async function advanceBatch(deps: Deps, batchId: string, now: Date, hasTime: () => boolean): Promise<Found<BatchDoc> | null> {
  let batch = await deps.store.get('batches', batchId);
  if (!batch) return null;
  const community = await loadCommunity(deps.store, batch.communityId);
  const balanceImport = batch.kind === 'import' ? await deps.store.get('balanceImports', batchId) : null;
  const campaign = batch.kind === 'report' ? await deps.store.get('campaigns', batch.campaignId!) : null;
  while (batch.status === 'running' && hasTime()) {
    const page = await nextPage(deps, batch, community);
    const current: Found<BatchDoc> = batch;
    const sums =
      current.kind === 'report'
        ? pageSums(
            current,
            campaign,
            page.targets.map((t) => t.member!),
          )
        : null;
    const outcomes: Outcome[] =
      current.kind === 'award'
        ? await allLimited(
            page.targets.map(
              ({ openid }) =>
                () =>
                  award(deps, current, community, openid, now),
            ),
          )
        : current.kind === 'import'
          ? await allLimited(
              page.targets.map(
                ({ row }) =>
                  () =>
                    openRow(deps, balanceImport!, row!),
              ),
            )
          : current.kind === 'broadcast'
            ? await inGroups(page.targets, (members) => tell(deps, current, members, now))
            : current.kind === 'pilot'
              ? await inGroups(page.targets, (members) => enrol(deps, current, members))
              : page.targets.map(() => 'done');
    const skipped = outcomes.flatMap((outcome, i) =>
      outcome === 'done' ? [] : [{ openid: page.targets[i].openid, reason: outcome.skip }],
    );
    batch = await deps.store.transaction(async (tx) => {
      const latest = (await tx.get('batches', batchId))!;
      if (latest.cursor !== current.cursor) return latest;
      const done = latest.done + outcomes.length - skipped.length;
      const skippedCount = latest.skippedCount + skipped.length;
      const changes: Partial<BatchDoc> = {
        cursor: page.cursor,
        done,
        skipped: [...latest.skipped, ...skipped].slice(0, SKIPPED_KEPT),
        skippedCount,
        ...(sums && latest.sums
          ? { sums: { pilot: addSums(latest.sums.pilot, sums.pilot), rest: addSums(latest.sums.rest, sums.rest) } }
          : {}),
        // A segment's total is known at its end: who was in it, by the call's day, when their page came.
        ...(page.finished ? { status: 'done' as const, runKey: null, total: latest.listed ? latest.total : done + skippedCount } : {}),
      };
      await tx.update('batches', batchId, changes);
      return { ...latest, ...changes };
    });
  }
  return batch;
}
