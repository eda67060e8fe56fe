import { makeAutoObservable, runInAction } from 'mobx';
import type { ActionInput, AttendeeView, EventView } from '../../cloudfunctions/contract/api';
import type { CommunityGateway } from '../gateway/communityGateway';
import type { Intents } from '../gateway/gateway';
import type { ScanCode } from '../device/scanner';
import { localToIso } from './format';
import { Request } from './request';
import { EVENT_LIMITS, typedWithin } from '../../cloudfunctions/core/limits';

/** The owner's event form as typed and picked, on the community's clock. */
export interface EventForm {
  title: string;
  place: string;
  description: string;
  startDate: string;
  startTime: string;
  endDate: string;
  endTime: string;
  /** "" for no limit. */
  capacity: string;
  points: string;
  /** "" for everyone. */
  minTier: string;
}

export const emptyEventForm = (day: string): EventForm => ({
  title: '',
  place: '',
  description: '',
  startDate: day,
  startTime: '14:00',
  endDate: day,
  endTime: '16:00',
  capacity: '',
  points: '20',
  minTier: '',
});

const L = EVENT_LIMITS;

/** What to fix, by field, in plain Chinese. The bounds are the server's (core/limits). */
export function eventProblems(form: EventForm, tz: string, now: number): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!form.title.trim()) problems.title = '请写活动名称';
  else if (form.title.trim().length > L.title) problems.title = `活动名称最多 ${L.title} 个字`;
  if (form.place.trim().length > L.place) problems.place = `地点最多 ${L.place} 个字`;
  if (form.description.trim().length > L.description) problems.description = `介绍最多 ${L.description} 个字`;
  const startsAt = localToIso(`${form.startDate} ${form.startTime}`, tz);
  const endsAt = localToIso(`${form.endDate} ${form.endTime}`, tz);
  if (!startsAt) problems.start = '请选择开始时间';
  if (!endsAt) problems.end = '请选择结束时间';
  else if (startsAt && Date.parse(endsAt) <= Date.parse(startsAt)) problems.end = '结束时间要晚于开始时间';
  else if (Date.parse(endsAt) <= now) problems.end = '结束时间已经过去了';
  if (form.capacity.trim() && !typedWithin(form.capacity, L.capacity))
    problems.capacity = `名额填 ${L.capacity.min} 到 ${L.capacity.max}，或留空不限`;
  if (!typedWithin(form.points, L.points)) problems.points = `到场积分填 ${L.points.min} 到 ${L.points.max}`;
  return problems;
}

/** The event as events.upsert takes it (a form without problems: its times are instants). */
export const eventOf = (form: EventForm, tz: string): ActionInput<'events', 'upsert'>['event'] => ({
  title: form.title.trim(),
  place: form.place.trim(),
  description: form.description.trim(),
  startsAt: localToIso(`${form.startDate} ${form.startTime}`, tz)!,
  endsAt: localToIso(`${form.endDate} ${form.endTime}`, tz)!,
  capacity: form.capacity.trim() ? Number(form.capacity) : null,
  points: Number(form.points),
  minTier: form.minTier || null,
});

/**
 * Events: the list members see, one event's page — sign up or give the place back, who else
 * comes — and, for staff, attendance at the door by member code and the list of who came; the
 * owner announces them.
 */
export class EventsStore {
  events: EventView[] = [];
  event: EventView | null = null;
  coming: Array<{ nickname: string; attended: boolean }> = [];
  attendees: AttendeeView[] = [];
  /** The last attendance taken at the door, in words. */
  attended: string | null = null;
  form: EventForm | null = null;
  tried = false;
  readonly loading = new Request('refresh');
  readonly acting = new Request();

  constructor(
    private readonly community: CommunityGateway,
    private readonly intents: Intents,
    private readonly scanCode: ScanCode,
    private readonly timezone: () => string,
  ) {
    makeAutoObservable<EventsStore, 'community' | 'intents' | 'scanCode' | 'timezone' | 'opened'>(this, {
      community: false,
      intents: false,
      scanCode: false,
      timezone: false,
      loading: false,
      acting: false,
      opened: false,
    });
  }

  /** What is coming or on now, soonest first (home shows the first few). */
  get upcoming(): EventView[] {
    return this.events.filter((e) => e.status !== 'ended');
  }

  async load(): Promise<void> {
    const outcome = await this.loading.run(() => this.community.call('events', 'list', { limit: 50 }));
    if (outcome.done) runInAction(() => (this.events = outcome.value.events));
  }

  /** Each open() numbered: an answer that comes back after a later one's (the page's first load, slower than the refresh after signing up) is dropped. */
  private opened = 0;

  async open(eventId: string): Promise<void> {
    const mine = ++this.opened;
    runInAction(() => ((this.attended = null), (this.attendees = [])));
    const outcome = await this.loading.run(() => this.community.call('events', 'get', { eventId }));
    if (outcome.done && mine === this.opened) runInAction(() => ((this.event = outcome.value.event), (this.coming = outcome.value.coming)));
  }

  async signUp(): Promise<boolean> {
    const eventId = this.event?.id;
    if (!eventId) return false;
    const outcome = await this.acting.run(() =>
      this.intents.send(`events.signUp:${eventId}`, (requestId) => this.community.call('events', 'signUp', { eventId, requestId })),
    );
    if (outcome.done) await this.open(eventId);
    return outcome.done;
  }

  async cancel(): Promise<boolean> {
    const eventId = this.event?.id;
    if (!eventId) return false;
    const outcome = await this.acting.run(() => this.community.call('events', 'cancel', { eventId }));
    if (outcome.done) await this.open(eventId);
    return outcome.done;
  }

  /** Staff at the door: the scanned (or pasted) member code is the attendance. */
  async attend(typed?: string): Promise<boolean> {
    const eventId = this.event?.id;
    const code = typed?.trim() || (await this.scanCode());
    if (!eventId || !code) return false;
    const outcome = await this.acting.run(() => this.community.call('events', 'attend', { eventId, code }));
    if (!outcome.done) return false;
    // The list on the page (✓ 已到, the count) and the staff's tally both move.
    await this.open(eventId);
    runInAction(
      () =>
        (this.attended = `${outcome.value.attendee.nickname} 签到成功${outcome.value.awarded ? `，+${outcome.value.awarded} 积分` : ''}`),
    );
    await this.loadAttendees();
    return true;
  }

  async loadAttendees(): Promise<void> {
    const eventId = this.event?.id;
    if (!eventId) return;
    const outcome = await this.loading.run(() => this.community.call('events', 'attendees', { eventId, limit: 100 }));
    if (outcome.done) runInAction(() => (this.attendees = outcome.value.attendees));
  }

  startNew(day: string): void {
    this.form = emptyEventForm(day);
    this.tried = false;
  }

  closeForm(): void {
    this.form = null;
  }

  set<K extends keyof EventForm>(key: K, value: EventForm[K]): void {
    if (this.form) this.form[key] = value;
  }

  get problems(): Record<string, string> {
    return this.tried && this.form ? eventProblems(this.form, this.timezone(), Date.now()) : {};
  }

  async save(): Promise<boolean> {
    const form = this.form;
    if (!form) return false;
    this.tried = true;
    const tz = this.timezone();
    if (Object.keys(eventProblems(form, tz, Date.now())).length) return false;
    const event = eventOf(form, tz);
    const outcome = await this.acting.run(() => this.community.call('events', 'upsert', { event }));
    if (!outcome.done) return false;
    runInAction(() => (this.form = null));
    await this.load();
    return true;
  }
}
