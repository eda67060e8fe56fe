import { communityWithMembers, sqliteHarness, type Harness } from '../../cloudfunctions/testing/harness';
import { gatewayFor as sharedGateway } from './testing';
import { emptyEventForm, eventProblems } from './EventsStore';
import { RootStore } from './RootStore';
import { memoryStorage } from './storage';

const NOW = new Date(Date.now() + 60_000).toISOString();
const gatewayFor = (h: Harness, openid: string) => sharedGateway(h, openid, NOW);

describe('the events store', () => {
  it('says what to fix in an event before it is sent', () => {
    const form = { ...emptyEventForm('2099-01-02'), title: '', capacity: '0', points: 'x', endTime: '13:00' };
    expect(eventProblems(form, 'Asia/Shanghai', Date.now())).toEqual({
      title: '请写活动名称',
      end: '结束时间要晚于开始时间',
      capacity: '名额填 1 到 10000，或留空不限',
      points: '到场积分填 0 到 100000',
    });
  });

  it('the owner announces an event; a member signs up and sees who comes; staff take her attendance by the code she shows', async () => {
    const h = sqliteHarness();
    const c = await communityWithMembers(h);
    const owner = new RootStore(gatewayFor(h, 'o_owner'), memoryStorage(), c);
    const start = new Date(Date.now() + 30 * 60_000);
    const local = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString();
    owner.events.startNew(local(start).slice(0, 10));
    owner.events.set('title', '读书分享会');
    owner.events.set('startTime', local(start).slice(11, 16));
    const end = new Date(start.getTime() + 2 * 3_600_000);
    owner.events.set('endDate', local(end).slice(0, 10));
    owner.events.set('endTime', local(end).slice(11, 16));
    owner.events.set('capacity', '10');
    expect(await owner.events.save()).toBe(true);
    const [event] = owner.events.events;
    expect(event).toMatchObject({ title: '读书分享会', capacity: 10, points: 20, status: 'open' });

    const alice = new RootStore(gatewayFor(h, 'o_alice'), memoryStorage(), c);
    await alice.events.open(event.id);
    expect(await alice.events.signUp()).toBe(true);
    expect(alice.events.event).toMatchObject({ signedUp: 1, mine: 'signedUp' });
    expect(alice.events.coming).toEqual([{ nickname: 'alice', attended: false }]);
    await alice.memberCode.refresh();

    await owner.events.open(event.id);
    expect(await owner.events.attend(alice.memberCode.code!)).toBe(true);
    expect(owner.events.attended).toBe('alice 签到成功，+20 积分');
    expect(owner.events.attendees.map((a) => [a.nickname, Boolean(a.attendedAt)])).toEqual([['alice', true]]);
    expect(await owner.events.attend(alice.memberCode.code!)).toBe(false);
    expect(owner.events.acting.error).toBe('alice 已经签到过了');
  });
});

it('an event page shows the latest answer even when an earlier load comes back last', async () => {
  const h = sqliteHarness();
  const c = await communityWithMembers(h);
  const start = new Date(Date.now() + 3 * 3_600_000).toISOString();
  const { event } = await h.ok(
    'events',
    'upsert',
    {
      communityId: c,
      event: { title: '慢网络', startsAt: start, endsAt: new Date(Date.parse(start) + 3_600_000).toISOString(), points: 5 },
    },
    { openid: 'o_owner', now: NOW },
  );
  let release: () => void = () => undefined;
  let slowFirst = true;
  const base = sharedGateway(h, 'o_alice', NOW);
  const alice = new RootStore(
    {
      call: async (fn, action, params) => {
        const answer = await base.call(fn, action, params as never);
        if (action === 'get' && slowFirst) {
          slowFirst = false;
          await new Promise<void>((resolve) => (release = resolve));
        }
        return answer;
      },
    },
    memoryStorage(),
    c,
  );
  const firstLoad = alice.events.open(event.id);
  await new Promise((r) => setTimeout(r, 10));
  await alice.events.open(event.id);
  expect(await alice.events.signUp()).toBe(true);
  release();
  await firstLoad;
  expect(alice.events.event?.mine).toBe('signedUp');
});
