import { action, type Actions } from '../dispatch';
import { calendar, calendarInput } from './calendar';
import { checkIn, checkInInput } from './checkIn';

/** The `checkin` cloud function's actions (API.md). */
export const checkinActions = {
  checkin: action(checkInInput, checkIn),
  calendar: action(calendarInput, calendar),
} satisfies Actions;
