import type { Rules } from '../../cloudfunctions/contract/api';

export interface RuleLine {
  what: string;
  points: string;
  note?: string;
}

export interface RulesSection {
  title: string;
  lines: RuleLine[];
}

const cap = (n: number, unit: string) => (n > 0 ? `每天最多 ${n} ${unit}得分` : '不限次数');

/**
 * 积分规则, written from the community's live rules: every way to earn with its points and cap,
 * what a make-up costs, when points expire, and the tiers with what they give. Nothing here is
 * typed by hand, so the page never disagrees with what the cloud pays.
 */
export function rulesSections(rules: Rules): RulesSection[] {
  const earn: RuleLine[] = [
    {
      what: '每日签到',
      points: `+${rules.checkin.points}`,
      note: `连续签到每满 ${rules.checkin.streakDays} 天再得 ${rules.checkin.streakBonus} 分`,
    },
    { what: '经验心得通过审核', points: `+${rules.post.minPoints}~${rules.post.maxPoints}`, note: cap(rules.post.dailyCap, '篇') },
    { what: '回答被采纳', points: `+${rules.answer.acceptedPoints}`, note: cap(rules.answer.dailyCap, '条') },
    { what: '给好帖点赞', points: `+${rules.like.points}`, note: `${cap(rules.like.dailyCap, '次')}，同一帖只算一次` },
    {
      what: '邀请好友',
      points: `+${rules.referral.inviterPoints}`,
      note: `好友首次签到后发放，好友得 ${rules.referral.inviteePoints} 分；${cap(rules.referral.dailyCap, '位')}`,
    },
  ];
  if (rules.birthday.points > 0)
    earn.push({ what: '生日礼', points: `+${rules.birthday.points}`, note: '生日当天签到时发放，一年一次；生日需提前 30 天设置' });
  const tasks: Array<[keyof Rules['tasks'], string]> = [
    ['profile', '设置头像和昵称'],
    ['firstCheckin', '第一次签到'],
    ['firstPost', '第一篇心得通过审核'],
    ['firstAnswer', '第一个回答被采纳'],
    ['firstInvite', '第一次邀请成功'],
  ];
  const taskLines = tasks
    .filter(([key]) => rules.tasks[key] > 0)
    .map(([key, what]) => ({ what, points: `+${rules.tasks[key]}`, note: '新手任务，完成一次即得' }));
  const { mode, windowDays, graceDays } = rules.tierRetention;
  const tierLines = rules.tiers.map((tier) => ({
    what: tier.name,
    points: tier.minPoints === 0 ? '起始等级' : `${mode === 'rolling' ? `近 ${windowDays} 天` : '累计'}获得 ${tier.minPoints} 分`,
    note:
      [(tier.multiplier ?? 1) > 1 ? `签到、发帖、回答、点赞积分 ×${tier.multiplier}` : '', ...(tier.perks ?? [])]
        .filter(Boolean)
        .join('；') || undefined,
  }));
  const sections: RulesSection[] = [{ title: '怎么赚积分', lines: earn }];
  if (taskLines.length) sections.push({ title: '新手任务', lines: taskLines });
  sections.push({
    title: '会员等级',
    lines: [
      ...tierLines,
      {
        what: mode === 'rolling' ? '保级' : '等级有效期',
        points: mode === 'rolling' ? `看近 ${windowDays} 天` : '终身有效',
        note: mode === 'rolling' ? `积分不足时保留原等级 ${graceDays} 天，期满仍不足降一级` : '按累计获得的积分升级，花积分不会降级',
      },
    ],
  });
  sections.push({
    title: '使用与有效期',
    lines: [
      { what: '积分有效期', points: `${rules.expiry.days} 天`, note: '获得后开始计算，先到期的先用' },
      ...(rules.makeUp.perMonth > 0
        ? [
            {
              what: '补签',
              points: `-${rules.makeUp.cost}`,
              note: `可补最近 ${rules.makeUp.withinDays} 天漏签的日子，每月 ${rules.makeUp.perMonth} 次；补签不发连签奖励`,
            },
          ]
        : []),
    ],
  });
  return sections;
}
