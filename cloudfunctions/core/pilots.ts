import type { SegmentKey } from './activity';
import type { CheckinMonths } from './calendar';
import { addDays, daysBetween, dayOf, type Day } from './days';

/**
 * 试点 (seed 004: try a change on 10% of members, then compare): a campaign that applies to a
 * random share of members — the same members every time, decided by a hash of the campaign and
 * the member — or to the members of a segment as it stood when the campaign was made (enrolled
 * on the member, `pilots`). Its report compares the pilot with everyone else over the same days.
 */
export interface Pilot {
  /** Percent of members, 1–99, or null for a segment. */
  share: number | null;
  segment: SegmentKey | null;
}

export interface PilotMember {
  openid: string;
  /** Campaigns whose segment pilot enrolled this member (the most recent PILOTS_KEPT). */
  pilots?: string[];
}

export const PILOTS_KEPT = 20;

/** FNV-1a over the UTF-16 units: the same bucket in every runtime, with no crypto in the core. */
export function pilotBucket(campaignId: string, openid: string): number {
  let hash = 0x811c9dc5;
  const text = `${campaignId}:${openid}`;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash % 100;
}

export function inPilot(campaignId: string, pilot: Pilot, member: PilotMember): boolean {
  if (pilot.share !== null) return pilotBucket(campaignId, member.openid) < pilot.share;
  return member.pilots?.includes(campaignId) ?? false;
}

/** The campaigns that apply to a member: those without a pilot, and the pilots the member is in. */
export const campaignsFor = <C extends { id: string; pilot?: Pilot | null }>(campaigns: readonly C[], member: PilotMember): C[] =>
  campaigns.filter((c) => !c.pilot || inPilot(c.id, c.pilot, member));

/** A member's pilots with one more (bounded: the oldest go first). */
export const enrolledIn = (pilots: readonly string[] | undefined, campaignId: string): string[] =>
  [...(pilots ?? []).filter((id) => id !== campaignId), campaignId].slice(-PILOTS_KEPT);

/** What a report reads of a member: the days they checked in, earned and spent. */
export interface ActivityTrail extends PilotMember {
  checkinMonths?: CheckinMonths;
  recentEarned?: Record<Day, number>;
  recentSpent?: Record<Day, number>;
}

/** The days compared: the campaign's, up to today; its first and last week say who stayed. */
export interface PilotWindow {
  from: Day;
  to: Day;
  /** Days in each end used for retention: 7, or half the window when it is shorter than two weeks. */
  edge: number;
}

export function pilotWindow(campaign: { startsAt: string; endsAt: string }, now: Date, timezone: string): PilotWindow | null {
  const from = dayOf(new Date(campaign.startsAt), timezone);
  const end = Math.min(Date.parse(campaign.endsAt) - 1, now.getTime());
  if (end < Date.parse(campaign.startsAt)) return null;
  const to = dayOf(new Date(end), timezone);
  const length = daysBetween(from, to) + 1;
  return { from, to, edge: Math.max(1, Math.min(7, Math.floor(length / 2))) };
}

export interface GroupSums {
  members: number;
  activeDays: number;
  earned: number;
  spent: number;
  /** Active in the window's first days, and of those, active again in its last days. */
  startedActive: number;
  retained: number;
}

export const noSums = (): GroupSums => ({ members: 0, activeDays: 0, earned: 0, spent: 0, startedActive: 0, retained: 0 });

export const addSums = (a: GroupSums, b: GroupSums): GroupSums => ({
  members: a.members + b.members,
  activeDays: a.activeDays + b.activeDays,
  earned: a.earned + b.earned,
  spent: a.spent + b.spent,
  startedActive: a.startedActive + b.startedActive,
  retained: a.retained + b.retained,
});

const checkedIn = (months: CheckinMonths | undefined, day: Day) =>
  Boolean((months?.[day.slice(0, 7)] ?? 0) & (2 ** (Number(day.slice(8, 10)) - 1)));

/** One member's numbers over the window: a day is active if they checked in, earned or spent on it. */
export function trailSums(member: ActivityTrail, window: PilotWindow): GroupSums {
  const sums = noSums();
  sums.members = 1;
  const length = daysBetween(window.from, window.to) + 1;
  let early = false;
  let late = false;
  for (let i = 0; i < length; i++) {
    const day = addDays(window.from, i);
    const earned = member.recentEarned?.[day] ?? 0;
    const spent = member.recentSpent?.[day] ?? 0;
    sums.earned += earned;
    sums.spent += spent;
    if (!(earned > 0 || spent > 0 || checkedIn(member.checkinMonths, day))) continue;
    sums.activeDays += 1;
    if (i < window.edge) early = true;
    if (i >= length - window.edge) late = true;
  }
  sums.startedActive = early ? 1 : 0;
  sums.retained = early && late ? 1 : 0;
  return sums;
}

export interface GroupView {
  members: number;
  /** Per member, over the window (one decimal). */
  activeDays: number;
  earned: number;
  spent: number;
  /** Of those active in the first days, the share active in the last (0–1, two decimals), or null. */
  retention: number | null;
}

const perMember = (total: number, members: number) => (members ? Math.round((total / members) * 10) / 10 : 0);

export const groupView = (sums: GroupSums): GroupView => ({
  members: sums.members,
  activeDays: perMember(sums.activeDays, sums.members),
  earned: perMember(sums.earned, sums.members),
  spent: perMember(sums.spent, sums.members),
  retention: sums.startedActive ? Math.round((sums.retained / sums.startedActive) * 100) / 100 : null,
});
