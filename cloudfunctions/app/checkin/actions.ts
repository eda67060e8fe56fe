import type { Api } from '../../contract/api';
import { action, type ActionsOf } from '../kernel/dispatch';
import { calendar } from './calendar';
import { checkIn } from './checkIn';
import { makeUp } from './makeUp';
import { makeUpQuote } from './makeUpQuote';
import { calendarInput, checkInInput, makeUpInput, makeUpQuoteInput } from './inputs';

/** The `checkin` cloud function's actions (API.md). */
export const checkinActions = {
  checkin: action(checkInInput, checkIn),
  calendar: action(calendarInput, calendar),
  makeUp: action(makeUpInput, makeUp),
  makeUpQuote: action(makeUpQuoteInput, makeUpQuote),
} satisfies ActionsOf<Api['checkin']>;
