import type { CheckinMonths } from './calendar';
import { addDays, daysBetween, type Day } from './days';
import { refuse } from './errors';

export interface StreakState {
  streak: number;
  lastCheckinDay: Day | null;
}

/** The streak after checking in on `today`: one more if yesterday was checked in, else a fresh 1. */
export function streakAfterCheckin(state: StreakState, today: Day): number {
  return state.lastCheckinDay === addDays(today, -1) ? state.streak + 1 : 1;
}

/**
 * Whether `today` counts as checked in. A day after today counts too: two cloud instances
 * whose clocks disagree by a moment at midnight may have checked in "tomorrow" already, and
 * then today is done as well — the same answer a check-in gives (ALREADY_DONE).
 */
export function checkedInOn(state: StreakState, today: Day): boolean {
  return state.lastCheckinDay !== null && state.lastCheckinDay >= today;
}

/** The streak as shown on `today`: alive while today (or later, see checkedInOn) or yesterday was checked in. */
export function currentStreak(state: StreakState, today: Day): number {
  return checkedInOn(state, addDays(today, -1)) ? state.streak : 0;
}

/** The bonus lands on every `streakDays`-th consecutive day (7, 14, 21, ...). */
export function streakBonus(streak: number, rule: { streakDays: number; streakBonus: number }): number {
  return rule.streakDays > 0 && streak > 0 && streak % rule.streakDays === 0 ? rule.streakBonus : 0;
}

/**
 * Check-ins still needed for the next streak bonus, today's included while it is still to do:
 * 0 means today's check-in earns it.
 */
export function checkinsToNextBonus(streak: number, checkedInToday: boolean, streakDays: number): number {
  const streakAfterToday = checkedInToday ? streak : streak + 1;
  const toGo = (streakDays - (streakAfterToday % streakDays)) % streakDays;
  return checkedInToday && toGo === 0 ? streakDays : toGo;
}

/** Consecutive checked-in days (real or made up) ending on `day`, as far back as the calendar keeps. */
export function runEndingOn(months: CheckinMonths | undefined, day: Day): number {
  let run = 0;
  for (let d = day; isMarked(months, d); d = addDays(d, -1)) run++;
  return run;
}

export const isMarked = (months: CheckinMonths | undefined, day: Day): boolean =>
  ((months?.[day.slice(0, 7)] ?? 0) & (2 ** (Number(day.slice(8, 10)) - 1))) !== 0;

/** Make-ups a member has used in `month` (the count is kept for the month it was last used in). */
export const makeUpsUsed = (kept: { month: string; count: number } | undefined, month: string): number =>
  kept?.month === month ? kept.count : 0;

export interface MakeUpRequest {
  day: Day;
  today: Day;
  joinedDay: Day;
  months: CheckinMonths | undefined;
  /** Make-ups already used this calendar month. */
  usedThisMonth: number;
  rule: { perMonth: number; withinDays: number };
}

/** Refuses a make-up (补签) the rules do not allow: only a missed day, recent, after joining, within the month's allowance. */
export function checkMakeUp({ day, today, joinedDay, months, usedThisMonth, rule }: MakeUpRequest): void {
  if (day >= today) refuse('INVALID_INPUT', '只能补签今天以前漏掉的日子');
  if (day < joinedDay) refuse('INVALID_INPUT', '加入社群以前的日子不能补签');
  if (daysBetween(day, today) > rule.withinDays) refuse('INVALID_INPUT', `只能补签最近 ${rule.withinDays} 天`);
  if (isMarked(months, day)) refuse('ALREADY_DONE', '这一天已经签到过了');
  if (usedThisMonth >= rule.perMonth) refuse('LIMIT_REACHED', `每月最多补签 ${rule.perMonth} 次，本月已用完`);
}

/**
 * The streak after a make-up marked `day`: the run through the streak's end — the last check-in
 * or the made-up day, whichever is later — so a filled gap joins the two runs beside it.
 */
export function streakAfterMakeUp(months: CheckinMonths, state: StreakState, day: Day): StreakState {
  const end = state.lastCheckinDay && state.lastCheckinDay > day ? state.lastCheckinDay : day;
  return { streak: runEndingOn(months, end), lastCheckinDay: end };
}
