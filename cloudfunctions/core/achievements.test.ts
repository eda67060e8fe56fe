import { BADGES, badgeWall, badgesReached, taskList, tasksCompleted } from './achievements';
import { DEFAULT_RULES } from './rules';

describe('badges and tasks', () => {
  it('reaches each badge at its threshold and never twice', () => {
    const table: Array<[Parameters<typeof badgesReached>[0], string[]]> = [
      [{ streak: 0 }, []],
      [{ streak: 1, counts: { checkins: 1 } }, ['first_checkin']],
      [{ streak: 7, counts: { checkins: 7 }, badges: { first_checkin: 't' } }, ['streak_7']],
      [{ streak: 100, counts: { checkins: 100 } }, ['first_checkin', 'streak_7', 'streak_30', 'streak_100']],
      [{ streak: 0, counts: { posts: 9 } }, ['first_post']],
      [
        { streak: 0, counts: { posts: 10, answers: 10, invites: 5 } },
        ['first_post', 'posts_10', 'first_answer', 'answers_10', 'inviter_5'],
      ],
      [{ streak: 0, counts: { invites: 4 } }, []],
    ];
    for (const [member, keys] of table) expect(badgesReached(member).map((b) => b.key)).toEqual(keys);
  });

  it('shows every badge with progress capped at its target; 社群之星 only from the monthly job', () => {
    const wall = badgeWall({
      streak: 12,
      counts: { checkins: 40 },
      badges: { first_checkin: '2026-06-01T00:00:00.000Z', streak_7: '2026-06-07T00:00:00.000Z' },
    });
    expect(wall).toHaveLength(BADGES.length);
    expect(wall.find((b) => b.key === 'streak_7')).toMatchObject({
      earnedAt: '2026-06-07T00:00:00.000Z',
      progress: { current: 7, target: 7 },
    });
    expect(wall.find((b) => b.key === 'streak_30')).toMatchObject({ earnedAt: null, progress: { current: 12, target: 30 } });
    expect(wall.find((b) => b.key === 'star_month')).toMatchObject({ earnedAt: null, progress: { current: 0, target: 1 } });
    expect(badgesReached({ streak: 0, counts: { posts: 100 }, badges: { first_post: 't', posts_10: 't' } })).toEqual([]);
  });

  it('completes a task at its first and pays it once', () => {
    expect(tasksCompleted({ streak: 1, counts: { checkins: 1 } })).toEqual(['firstCheckin']);
    expect(tasksCompleted({ streak: 1, counts: { checkins: 2 }, tasks: { firstCheckin: 't' } })).toEqual([]);
    expect(tasksCompleted({ streak: 0, profileSet: true })).toEqual(['profile']);
    expect(tasksCompleted({ streak: 0, counts: { posts: 1, answers: 1, invites: 1 } })).toEqual([
      'firstPost',
      'firstAnswer',
      'firstInvite',
    ]);
    expect(taskList({ streak: 0, tasks: { profile: 't' } }, { ...DEFAULT_RULES.tasks, profile: 10 })[0]).toEqual({
      key: 'profile',
      name: '设置头像和昵称',
      points: 10,
      done: true,
    });
  });
});
