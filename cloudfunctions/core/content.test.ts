import { STORIES } from './testing/stories';
import {
  clipBytes,
  earningOf,
  fingerprintsOf,
  hammingDistance,
  meaningfulLength,
  normalizeText,
  rememberPrint,
  PRINTS_KEPT,
} from './content';

const POST = '用了这款面霜三个星期，脸上的干纹明显少了，早上起来皮肤也不紧绷，推荐给冬天皮肤干的姐妹们试试。';
const at = new Date('2026-03-03T02:00:00Z');
const recent = rememberPrint([], 'post', 'p1', POST, at);

describe('content earning rules', () => {
  it('normalizes away spacing, punctuation, emoji and width', () => {
    expect(normalizeText(' 好用！！😀 ＡＢＣ, d ')).toBe('好用abcd');
    expect(meaningfulLength('好好好好好好好好好好好好好好好好好好好好好好！！！')).toBe(1);
    expect(meaningfulLength('宝宝 睡得好')).toBe(4); // 宝宝 is a run of one character
  });

  it('lets an original, long enough contribution earn', () => {
    expect(earningOf('post', POST, [])).toEqual({ earns: true });
    expect(earningOf('post', '宝宝最近晚上总是醒好几次，我试了睡前泡脚和讲故事，坚持一周后基本能一觉睡到天亮了。', recent)).toEqual({
      earns: true,
    });
    expect(earningOf('post', '这款面霜我用了一个月，感觉保湿效果一般，味道有点重，敏感肌的朋友建议先在耳后试用。', recent)).toEqual({
      earns: true,
    });
  });

  it('pays nothing for filler or text under the minimum length, and says why', () => {
    expect(earningOf('post', '好用好用好用好用好用好用好用好用！！！👍👍👍', [])).toMatchObject({ earns: false, reason: 'too_short' });
    expect(earningOf('answer', '同意 +1', [])).toMatchObject({ earns: false, reason: 'too_short' });
    expect(earningOf('answer', '睡前别给孩子看手机屏幕', [])).toEqual({ earns: true });
  });

  it('catches an exact copy, even re-punctuated or re-spaced', () => {
    const copy = POST.replace(/，/g, ', ').replace('。', '!!!');
    expect(earningOf('post', copy, recent)).toMatchObject({ earns: false, reason: 'duplicate', duplicateOf: 'p1' });
  });

  it('catches near copies: a changed word, an added sentence, reordered clauses', () => {
    const nearCopies = [
      POST.replace('三个星期', '四个星期').replace('姐妹们', '姐妹'),
      `${POST}真的好用！`,
      '推荐给冬天皮肤干的姐妹们试试：用了这款面霜三个星期，脸上的干纹明显少了，早上起来皮肤也不紧绷。',
    ];
    for (const text of nearCopies)
      expect(earningOf('post', text, recent)).toMatchObject({
        earns: false,
        reason: expect.stringMatching(/duplicate/),
        duplicateOf: 'p1',
      });
  });

  it('never mistakes different stories for near copies', () => {
    let prints: ReturnType<typeof rememberPrint> = [];
    for (const [i, story] of STORIES.entries()) {
      expect(earningOf('post', story, prints)).toEqual({ earns: true });
      prints = rememberPrint(prints, 'post', `s${i}`, story, at);
    }
  });

  it('measures Hamming distance over 64 bits', () => {
    expect(hammingDistance('0000000000000000', 'ffffffffffffffff')).toBe(64);
    expect(hammingDistance('00000000000000f0', '0000000000000010')).toBe(3);
    expect(fingerprintsOf(POST).simhash).toMatch(/^[0-9a-f]{16}$/);
  });

  it('remembers only the most recent contributions', () => {
    let prints = recent;
    for (let i = 0; i < PRINTS_KEPT + 5; i++) prints = rememberPrint(prints, 'answer', `a${i}`, `第 ${i} 个回答`, at);
    expect(prints).toHaveLength(PRINTS_KEPT);
    expect(prints.at(-1)?.ref).toBe(`a${PRINTS_KEPT + 4}`);
    expect(prints.some((p) => p.ref === 'p1')).toBe(false);
  });
});

describe('clipBytes', () => {
  it('keeps a text within the bytes, whole characters only, with … where it cut', () => {
    expect(clipBytes('破壁机', 128)).toBe('破壁机');
    const long = '宝妈'.repeat(40);
    const cut = clipBytes(long, 128);
    expect(Buffer.byteLength(cut)).toBeLessThanOrEqual(128);
    expect(cut.endsWith('…')).toBe(true);
    expect(long.startsWith(cut.slice(0, -1))).toBe(true);
    // An emoji (4 bytes, two UTF-16 units) is never split.
    const emoji = clipBytes('a'.repeat(123) + '😀😀', 128);
    expect([...emoji].every((char) => char !== '\ud83d')).toBe(true);
    expect(Buffer.byteLength(emoji)).toBeLessThanOrEqual(128);
  });
});
