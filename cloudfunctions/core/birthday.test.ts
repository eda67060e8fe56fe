import { birthdayGiftYear, birthdayIn } from './birthday';

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
