import { addDays, type Day } from './days';

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
