import { memoryCommand as _ } from '../testing/memoryWxDatabase';
import { coveringIndex } from './indexCoverage';
import type { CollectionSpec } from '../schema';

const members: CollectionSpec = {
  name: 'members',
  security: { read: false, write: false },
  indexes: [
    {
      name: 'by_community_joined',
      fields: [
        ['communityId', 'asc'],
        ['sortKey', 'asc'],
      ],
    },
    {
      name: 'week_board',
      fields: [
        ['communityId', 'asc'],
        ['ranked', 'asc'],
        ['weekKey', 'asc'],
        ['weekEarned', 'desc'],
      ],
    },
    { name: 'due_expiry', fields: [['nextExpiryAt', 'asc']] },
  ],
};

describe('coveringIndex', () => {
  it('finds the index whose first fields are the equalities, then the sort, with the ranges among the rest', () => {
    expect(coveringIndex(members, { communityId: 'c' }, [['sortKey', 'asc']])).toBe('by_community_joined');
    expect(
      coveringIndex(members, { communityId: 'c', sortKey: _.gt('x') }, [
        ['sortKey', 'asc'],
        ['_id', 'asc'],
      ]),
    ).toBe('by_community_joined');
    expect(coveringIndex(members, { ranked: true, weekKey: '2026-W10', communityId: 'c' }, [['weekEarned', 'desc']])).toBe('week_board');
    expect(coveringIndex(members, { nextExpiryAt: _.lte('2026') }, [['nextExpiryAt', 'asc']])).toBe('due_expiry');
    expect(coveringIndex(members, { communityId: 'c' }, [])).toBe('by_community_joined');
    // A range within one community is filtered there (the tier counts).
    expect(coveringIndex(members, { communityId: 'c', earnedTotal: _.and(_.gte(0), _.lt(500)) }, [])).toBe('by_community_joined');
    expect(coveringIndex(members, { _id: _.gt('a') }, [['_id', 'asc']])).toBe('_id');
  });

  it('finds none for a query the indexes cannot answer', () => {
    expect(coveringIndex(members, { sortKey: _.gt('x') }, [])).toBeNull();
    expect(coveringIndex(members, { communityId: 'c' }, [['weekEarned', 'desc']])).toBeNull();
    expect(coveringIndex(members, { communityId: 'c', nickname: 'x' }, [])).toBeNull();
    expect(coveringIndex(undefined, { a: 1 }, [])).toBeNull();
  });
});
