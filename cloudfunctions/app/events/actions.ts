import type { Api } from '../../contract/api';
import { action, type ActionsOf } from '../kernel/dispatch';
import { attend } from './attend';
import { attendeesInput, attendInput, cancelSignUpInput, getEventInput, listEventsInput, signUpInput, upsertEventInput } from './inputs';
import { getEvent, listAttendees, listEvents } from './listEvents';
import { cancelSignUp, signUp } from './signUp';
import { upsertEvent } from './upsertEvent';

/** The `events` cloud function's actions (API.md v3 "Events"). */
export const eventsActions = {
  upsert: action(upsertEventInput, upsertEvent),
  list: action(listEventsInput, listEvents),
  get: action(getEventInput, getEvent),
  signUp: action(signUpInput, signUp),
  cancel: action(cancelSignUpInput, cancelSignUp),
  attend: action(attendInput, attend),
  attendees: action(attendeesInput, listAttendees),
} satisfies ActionsOf<Api['events']>;
