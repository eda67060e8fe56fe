import fc from 'fast-check';
import { nameGrams, nameHolds, searchGram } from './nameGrams';

describe('finding a nickname by any part of it', () => {
  it('keeps a name under each character and each neighbouring pair, once each, letters folded', () => {
    expect(nameGrams('小美')).toEqual(['小', '美', '小美']);
    expect(nameGrams('Amy美美')).toEqual(['a', 'm', 'y', '美', 'am', 'my', 'y美', '美美']);
    expect(nameGrams('😀妈')).toEqual(['😀', '妈', '😀妈']);
  });

  it('reads a search by its first pair, or its only character', () => {
    expect(searchGram('美')).toEqual('美');
    expect(searchGram('绘本达人')).toEqual('绘本');
    expect(searchGram(' AMY ')).toEqual('am');
  });

  it('finds every name by every part of it, and keeps only names holding the whole query', () => {
    const names = fc.string({ unit: fc.constantFrom('小', '美', '妈', 'a', 'B', '1', '😀'), minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(names, fc.nat(), fc.nat(), (name, a, b) => {
        const chars = Array.from(name);
        const start = a % chars.length;
        const part = chars.slice(start, start + 1 + (b % (chars.length - start))).join('');
        return nameGrams(name).includes(searchGram(part)) && nameHolds(name, part) && nameHolds(name, part.toUpperCase());
      }),
    );
    expect(nameHolds('小美', '美')).toBe(true);
    expect(nameHolds('小美妈妈', '小妈')).toBe(false);
  });
});
