import { DEFAULT_RULES, mergeRules, type Rules, type RulesPatch } from './rules';

/** The starting points an owner picks from when creating a community (API v3 `community.create`). */
export const TEMPLATE_KEYS = ['general', 'weishang', 'parenting', 'interest'] as const;
export type TemplateKey = (typeof TEMPLATE_KEYS)[number];

export interface Template {
  name: string;
  /** Where its numbers come from, for the owner to read before choosing. */
  basis: string;
  patch: RulesPatch;
}

/**
 * Each template's numbers are the research articles' own cases (seed 003: 案例一, a beauty
 * 微商 brand's group; 案例二, a mother-and-baby group); the owner edits them afterwards.
 */
export const TEMPLATES: Record<TemplateKey, Template> = {
  general: { name: '通用', basis: '签到 5、回答被采纳 20、经验帖 50–200、点赞 1、邀请 100（产品默认）', patch: {} },
  weishang: {
    name: '微商',
    basis: '美妆微商社群案例：签到 5、晒使用前后对比 50、测评视频 100、推荐一位新成员 200',
    patch: { checkin: { points: 5 }, post: { minPoints: 50, maxPoints: 100 }, referral: { inviterPoints: 200 } },
  },
  parenting: {
    name: '宝妈·母婴',
    basis: '母婴社群案例：签到 3、育儿问答解答 20、分享育儿经验 15、参与话题讨论 5',
    patch: { checkin: { points: 3 }, answer: { acceptedPoints: 20 }, post: { minPoints: 15, maxPoints: 50 }, like: { points: 1 } },
  },
  interest: {
    name: '兴趣',
    basis: '兴趣群：签到 2、好内容 20–100、点赞 1，重在分享而不是打卡',
    patch: { checkin: { points: 2 }, post: { minPoints: 20, maxPoints: 100 }, like: { points: 1 } },
  },
};

/** A new community's rules: the defaults with the template's numbers. */
export const rulesFromTemplate = (key: TemplateKey): Rules => mergeRules(DEFAULT_RULES, TEMPLATES[key].patch);
