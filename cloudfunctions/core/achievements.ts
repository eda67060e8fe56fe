import { TASK_KEYS, type TaskKey } from './rules';

/**
 * Badges (徽章) and newcomer tasks: what a member has done, counted on their document by the
 * action that did it, and what that unlocks. Badges carry no points; a task pays its rule's points.
 */
export interface Counts {
  checkins: number;
  /** Approved posts, accepted answers, rewarded referrals (as inviter). */
  posts: number;
  answers: number;
  invites: number;
}

export const NO_COUNTS: Counts = { checkins: 0, posts: 0, answers: 0, invites: 0 };

export interface Achiever {
  counts?: Partial<Counts>;
  /** The longest streak reached (streak badges stay earned when a streak breaks). */
  streak: number;
  badges?: Record<string, string>;
  tasks?: Partial<Record<TaskKey, string>>;
}

type BadgeMeasure = keyof Counts | 'streak' | 'star';

interface BadgeDefinition {
  key: string;
  name: string;
  description: string;
  measure: BadgeMeasure;
  target: number;
}

export const BADGES: readonly BadgeDefinition[] = [
  { key: 'first_checkin', name: '初来乍到', description: '完成第一次签到', measure: 'checkins', target: 1 },
  { key: 'streak_7', name: '七日之约', description: '连续签到 7 天', measure: 'streak', target: 7 },
  { key: 'streak_30', name: '月度坚持', description: '连续签到 30 天', measure: 'streak', target: 30 },
  { key: 'streak_100', name: '百日达人', description: '连续签到 100 天', measure: 'streak', target: 100 },
  { key: 'first_post', name: '初次分享', description: '第一篇心得通过审核', measure: 'posts', target: 1 },
  { key: 'posts_10', name: '分享达人', description: '10 篇心得通过审核', measure: 'posts', target: 10 },
  { key: 'first_answer', name: '热心解答', description: '第一个回答被采纳', measure: 'answers', target: 1 },
  { key: 'answers_10', name: '答疑专家', description: '10 个回答被采纳', measure: 'answers', target: 10 },
  { key: 'inviter_5', name: '拉新能手', description: '邀请 5 位好友完成首次签到', measure: 'invites', target: 5 },
  { key: 'star_month', name: '社群之星', description: '月度积分榜前三名', measure: 'star', target: 1 },
];

export type BadgeKey = (typeof BADGES)[number]['key'];

const measured = (member: Achiever, measure: BadgeMeasure): number =>
  measure === 'streak' ? member.streak : measure === 'star' ? (member.badges?.star_month ? 1 : 0) : (member.counts?.[measure] ?? 0);

/** Every badge with the member's progress toward it (current capped at target). */
export function badgeWall(member: Achiever) {
  return BADGES.map(({ key, name, description, measure, target }) => ({
    key,
    name,
    description,
    earnedAt: member.badges?.[key] ?? null,
    progress: { current: Math.min(measured(member, measure), target), target },
  }));
}

/** The badges this member has now reached and does not hold yet (star_month is the monthly job's). */
export function badgesReached(member: Achiever): BadgeDefinition[] {
  return BADGES.filter((b) => b.measure !== 'star' && !member.badges?.[b.key] && measured(member, b.measure) >= b.target);
}

export const TASK_NAMES: Record<TaskKey, string> = {
  profile: '设置头像和昵称',
  firstCheckin: '完成第一次签到',
  firstPost: '发布第一篇心得并通过审核',
  firstAnswer: '第一个回答被采纳',
  firstInvite: '邀请第一位好友',
};

/** The task each count completes at its first. */
const TASK_OF_COUNT: Partial<Record<keyof Counts, TaskKey>> = {
  checkins: 'firstCheckin',
  posts: 'firstPost',
  answers: 'firstAnswer',
  invites: 'firstInvite',
};

/** The tasks this member has now completed and not been paid for. */
export function tasksCompleted(member: Achiever & { profileSet?: boolean }): TaskKey[] {
  const done = (key: TaskKey) => Boolean(member.tasks?.[key]);
  const completed: TaskKey[] = [];
  if (member.profileSet && !done('profile')) completed.push('profile');
  for (const [count, task] of Object.entries(TASK_OF_COUNT) as Array<[keyof Counts, TaskKey]>) {
    if ((member.counts?.[count] ?? 0) >= 1 && !done(task)) completed.push(task);
  }
  return completed;
}

export function taskList(member: Achiever, points: Record<TaskKey, number>) {
  return TASK_KEYS.map((key) => ({ key, name: TASK_NAMES[key], points: points[key], done: Boolean(member.tasks?.[key]) }));
}
