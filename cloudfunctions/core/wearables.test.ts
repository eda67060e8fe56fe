import { WARDROBE_MAX, wearProblem, wardrobeAfterRedeem, wearingAfterChoice, wornNow, type Wearable } from './wearables';

const now = new Date('2026-06-01T00:00:00Z');
const DAY = 86_400_000;
const title = (id: string, days: number | null) => ({
  id,
  kind: 'title' as const,
  wear: { look: id === 'reader' ? '读书达人' : '元老', days },
});
const frame = { id: 'goldFrame', kind: 'frame' as const, wear: { look: 'gold', days: 30 } };

describe('wearables', () => {
  it('wears what was just redeemed at once, one of each kind, until it runs out', () => {
    const first = wardrobeAfterRedeem({}, title('reader', 7), now);
    expect(first.wearing).toEqual({ title: 'reader' });
    const both = wardrobeAfterRedeem(first, frame, now);
    expect(wornNow(both, now)).toEqual({ title: '读书达人', frame: 'gold' });
    // Seven days on, the title has run out; the frame (30 days) has not.
    expect(wornNow(both, new Date(now.getTime() + 7 * DAY))).toEqual({ title: null, frame: 'gold' });
    expect(wornNow(both, new Date(now.getTime() + 30 * DAY))).toEqual({ title: null, frame: null });
  });

  it('extends a timed one bought again from when it would run out; one owned for good is not bought twice', () => {
    const once = wardrobeAfterRedeem({}, title('reader', 7), now);
    const twice = wardrobeAfterRedeem(once, title('reader', 7), new Date(now.getTime() + DAY));
    expect(twice.wardrobe).toEqual([
      { itemId: 'reader', kind: 'title', look: '读书达人', until: new Date(now.getTime() + 14 * DAY).toISOString() },
    ]);
    // Run out, then bought again: from the new day.
    const later = new Date(now.getTime() + 20 * DAY);
    expect(wardrobeAfterRedeem(twice, title('reader', 7), later).wardrobe[0].until).toBe(new Date(later.getTime() + 7 * DAY).toISOString());
    const forGood = wardrobeAfterRedeem({}, title('elder', null), now);
    expect(forGood.wardrobe[0].until).toBeNull();
    expect(() => wardrobeAfterRedeem(forGood, title('elder', null), now)).toThrow('已经拥有');
  });

  it('keeps the wardrobe bounded, dropping what has run out first', () => {
    const full: Wearable[] = Array.from({ length: WARDROBE_MAX }, (_, i) => ({
      itemId: `t${i}`,
      kind: 'title',
      look: `称号${i}`,
      until: null,
    }));
    expect(() => wardrobeAfterRedeem({ wardrobe: full }, title('reader', 7), now)).toThrow(`最多 ${WARDROBE_MAX} 件`);
    const oneRunOut = full.map((w, i) => (i === 0 ? { ...w, until: '2026-05-01T00:00:00Z' } : w));
    expect(wardrobeAfterRedeem({ wardrobe: oneRunOut }, title('reader', 7), now).wardrobe).toHaveLength(WARDROBE_MAX);
  });

  it('lets a member choose among what they own, or take it off; never what they do not own or has run out', () => {
    const owned = wardrobeAfterRedeem(wardrobeAfterRedeem({}, title('reader', 7), now), title('elder', null), now);
    expect(owned.wearing.title).toBe('elder');
    const chosen = wearingAfterChoice(owned, { title: 'reader' }, now);
    expect(wornNow({ ...owned, wearing: chosen }, now).title).toBe('读书达人');
    expect(wornNow({ ...owned, wearing: wearingAfterChoice(owned, { title: null }, now) }, now).title).toBeNull();
    // Choosing a frame leaves the title on.
    expect(wearingAfterChoice(owned, { title: undefined, frame: null }, now)).toEqual({ title: 'elder', frame: null });
    expect(() => wearingAfterChoice(owned, { frame: 'reader' }, now)).toThrow('没有这个头像框');
    expect(() => wearingAfterChoice(owned, { title: 'reader' }, new Date(now.getTime() + 8 * DAY))).toThrow('已到期');
    // A look the app cannot draw is never worn.
    expect(
      wornNow({ wardrobe: [{ itemId: 'x', kind: 'frame', look: 'neon', until: null }], wearing: { frame: 'x' } }, now).frame,
    ).toBeNull();
  });

  it("says what is wrong with a reward's wear for its kind", () => {
    expect(wearProblem('title', { look: '读书达人' })).toBeNull();
    expect(wearProblem('frame', { look: 'jade' })).toBeNull();
    expect(wearProblem('physical', null)).toBeNull();
    expect(wearProblem('title', { look: '  ' })).toBe('请填写称号文字');
    expect(wearProblem('title', { look: '社群最强读书达人' })).toContain('最多 6 个字');
    expect(wearProblem('frame', { look: 'neon' })).toContain('头像框样式只能是');
    expect(wearProblem('frame', undefined)).toBe('请选择头像框样式');
    expect(wearProblem('coupon', { look: '元老' })).toBe('只有称号和头像框可以佩戴');
  });
});
