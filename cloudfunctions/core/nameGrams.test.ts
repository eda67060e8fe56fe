import fc from 'fast-check';
import { nameGrams, nameHolds, queryGrams, rarestGram, searchGrams } from './nameGrams';

describe('finding a nickname by any part of it', () => {
  it('keeps a name under each run of one, two and three characters, once each, letters folded', () => {
    expect(nameGrams('小美')).toEqual(['小', '美', '小美']);
    expect(nameGrams('Amy美美')).toEqual(['a', 'm', 'y', '美', 'am', 'my', 'y美', '美美', 'amy', 'my美', 'y美美']);
    expect(nameGrams('😀妈妈')).toEqual(['😀', '妈', '😀妈', '妈妈', '😀妈妈']);
  });

  it('reads a short search by itself, a longer one by one of its runs of three: a few compared, from first to last', () => {
    expect(searchGrams('美')).toEqual(['美']);
    expect(searchGrams(' AMY ')).toEqual(['amy']);
    expect(searchGrams('绘本达人')).toEqual(['绘本达', '本达人']);
    expect(searchGrams('哈哈哈哈')).toEqual(['哈哈哈']);
    expect(searchGrams('一二三四五六七八')).toEqual(['一二三', '三四五', '四五六', '六七八']);
    expect(queryGrams('一二三四五六七八')).toHaveLength(6);
  });

  it('reads by the part with fewest names: one that has no more than it showed, else the one reaching latest in joining order', () => {
    const keysOf = (gram: string, joined: string[]) => joined.map((at) => `${gram}|${at}|o_x`);
    expect(
      rarestGram(
        [
          { gram: '成员', keys: keysOf('成员', ['01', '02', '03']) },
          { gram: '员1', keys: keysOf('员1', ['01', '05', '09']) },
          { gram: '12', keys: keysOf('12', ['02', '40', '80']) },
        ],
        3,
      ),
    ).toBe('12');
    expect(
      rarestGram(
        [
          { gram: '成员', keys: keysOf('成员', ['01', '02', '03']) },
          { gram: '员1', keys: keysOf('员1', ['01', '05']) },
          { gram: '12', keys: keysOf('12', ['02']) },
        ],
        3,
      ),
    ).toBe('12');
    expect(
      rarestGram(
        [
          { gram: '😀妈', keys: keysOf('😀妈', ['07', '08']) },
          { gram: 'ab', keys: keysOf('ab', ['09', '10']) },
        ],
        2,
      ),
    ).toBe('ab');
  });

  it('finds every name by every part of it, and keeps only names holding the whole query', () => {
    const names = fc.string({ unit: fc.constantFrom('小', '美', '妈', 'a', 'B', '1', '😀'), minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(names, fc.nat(), fc.nat(), (name, a, b) => {
        const chars = Array.from(name);
        const start = a % chars.length;
        const part = chars.slice(start, start + 1 + (b % (chars.length - start))).join('');
        return (
          searchGrams(part).every((gram) => nameGrams(name).includes(gram)) && nameHolds(name, part) && nameHolds(name, part.toUpperCase())
        );
      }),
    );
    expect(nameHolds('小美', '美')).toBe(true);
    expect(nameHolds('小美妈妈', '小妈')).toBe(false);
  });
});
