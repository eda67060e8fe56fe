import { DEFAULT_RULES, rulesProblems } from './rules';
import { TEMPLATES, TEMPLATE_KEYS, rulesFromTemplate } from './templates';

describe('community templates', () => {
  it('are valid rules, general being the defaults', () => {
    for (const key of TEMPLATE_KEYS) expect([key, rulesProblems(rulesFromTemplate(key))]).toEqual([key, []]);
    expect(rulesFromTemplate('general')).toEqual(DEFAULT_RULES);
  });

  it('carry the research cases’ numbers (seed 003, cases 1 and 2)', () => {
    expect(rulesFromTemplate('weishang')).toMatchObject({
      checkin: { points: 5 },
      post: { minPoints: 50, maxPoints: 100 },
      referral: { inviterPoints: 200 },
    });
    expect(rulesFromTemplate('parenting')).toMatchObject({
      checkin: { points: 3 },
      answer: { acceptedPoints: 20 },
      post: { minPoints: 15, maxPoints: 50 },
      like: { points: 1 },
    });
    expect(rulesFromTemplate('interest')).toMatchObject({
      checkin: { points: 2 },
      post: { minPoints: 20, maxPoints: 100 },
      like: { points: 1 },
    });
    for (const key of TEMPLATE_KEYS) expect(TEMPLATES[key].name).toMatch(/\S/);
  });

  it('never share objects with the defaults', () => {
    const rules = rulesFromTemplate('parenting');
    rules.checkin.points = 99;
    expect(DEFAULT_RULES.checkin.points).toBe(5);
  });
});
