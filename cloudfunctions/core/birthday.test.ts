import { birthdayGiftYear, birthdayIn, birthdayProblem } from './birthday';

describe('birthday', () => {
  it('pays on the birthday once a year, only when set 30 days or more before it', () => {
    const member = { birthday: '06-15', birthdaySetOn: '2026-05-01', birthdayPaidYear: null };
    expect(birthdayGiftYear(member, '2026-06-15')).toBe(2026);
    expect(birthdayGiftYear(member, '2026-06-14')).toBeNull();
    expect(birthdayGiftYear({ ...member, birthdayPaidYear: 2026 }, '2026-06-15')).toBeNull();
    expect(birthdayGiftYear({ ...member, birthdayPaidYear: 2026 }, '2027-06-15')).toBe(2027);
    expect(birthdayGiftYear({ ...member, birthdaySetOn: '2026-05-17' }, '2026-06-15')).toBeNull();
    expect(birthdayGiftYear({ ...member, birthdaySetOn: '2026-05-16' }, '2026-06-15')).toBe(2026);
    // Set too late this year, it pays the next.
    expect(birthdayGiftYear({ ...member, birthdaySetOn: '2026-06-10' }, '2027-06-15')).toBe(2027);
    expect(birthdayGiftYear({ birthday: null }, '2026-06-15')).toBeNull();
  });

  it('keeps 02-29 on 02-28 in a common year', () => {
    expect(birthdayIn('02-29', 2027)).toBe('2027-02-28');
    expect(birthdayIn('02-29', 2028)).toBe('2028-02-29');
    expect(birthdayGiftYear({ birthday: '02-29', birthdaySetOn: '2026-01-01' }, '2027-02-28')).toBe(2027);
  });
});

describe('birthdayProblem', () => {
  it('takes every day of the year as MM-DD, 02-29 included, and says what is wrong with the rest', () => {
    expect(['01-01', '02-29', '04-30', '12-31'].map(birthdayProblem)).toEqual([null, null, null, null]);
    expect(['02-30', '04-31', '13-01', '00-10', '05-00'].map(birthdayProblem)).toEqual(Array(5).fill('没有这一天'));
    expect(['3-8', '0308', '03/08', ''].map(birthdayProblem)).toEqual(Array(4).fill('生日格式应为 月-日，例如 03-08'));
  });
});
