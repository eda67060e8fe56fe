import { randomBytes } from 'node:crypto';
import { normalizeText } from '../../core/content';
import type { ContentSecurity, Verdict } from '../ports';

/** Local content rules: words that refuse a text outright, and words that hold it for a person. */
export interface WordList {
  risky: Array<{ word: string; label: string }>;
  review: Array<{ word: string; label: string }>;
}

export const DEFAULT_WORDS: WordList = {
  risky: [
    ...['赌博', '博彩', '六合彩', '网赌', '洗钱'].map((word) => ({ word, label: '违法犯罪' })),
    ...['毒品', '冰毒', '大麻', '枪支', '代开发票', '办假证'].map((word) => ({ word, label: '违法犯罪' })),
    ...['色情', '约炮', '裸聊'].map((word) => ({ word, label: '色情' })),
    ...['傻逼', '去死'].map((word) => ({ word, label: '辱骂' })),
  ],
  review: [
    ...['加微信', '加我微信', 'vx', 'v信', '私聊我', '扫码', '返利', '刷单', '日结', '代购', '点击链接', 'http'].map((word) => ({
      word,
      label: '广告',
    })),
    ...['包治', '根治', '无效退款'].map((word) => ({ word, label: '夸大宣传' })),
  ],
};

/**
 * The local runtime's content security: a word list, matched on normalized text so spacing and
 * punctuation do not slip past it ("加 微·信" matches 加微信). Images are always accepted here;
 * their late verdicts can be delivered through posts.mediaVerdict as the cloud would.
 */
export function wordListSecurity(words: WordList = DEFAULT_WORDS): ContentSecurity {
  const prepared = (list: WordList['risky']) =>
    list.map(({ word, label }) => ({ word: normalizeText(word), label })).filter(({ word }) => word);
  const risky = prepared(words.risky);
  const review = prepared(words.review);
  return {
    async checkText({ text }): Promise<Verdict> {
      const normalized = normalizeText(text);
      const hit = risky.find(({ word }) => normalized.includes(word));
      if (hit) return { suggest: 'risky', label: hit.label };
      const held = review.find(({ word }) => normalized.includes(word));
      return held ? { suggest: 'review', label: held.label } : { suggest: 'pass', label: null };
    },
    async startImageCheck() {
      return { traceId: `local-${randomBytes(9).toString('base64url')}` };
    },
  };
}

/**
 * An owner's own word list (DATA_DIR/content-words.json), replacing the defaults per list:
 * `{"risky": ["词", {"word": "词", "label": "广告"}], "review": [...]}`.
 */
export function readWordList(json: string): WordList {
  const parsed = JSON.parse(json) as Partial<Record<keyof WordList, Array<string | { word: string; label?: string }>>>;
  const list = (key: keyof WordList, label: string) =>
    parsed[key]?.map((entry) => (typeof entry === 'string' ? { word: entry, label } : { word: entry.word, label: entry.label ?? label })) ??
    DEFAULT_WORDS[key];
  return { risky: list('risky', '违规内容'), review: list('review', '疑似违规') };
}
