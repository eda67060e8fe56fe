import { communityWithMembers, sqliteHarness } from '../../cloudfunctions/testing/harness';

const NOW = '2026-11-23T02:00:00Z';

/** A community with one imported row waiting for its member; its claim code. */
export async function importedRow() {
  const h = sqliteHarness();
  const c = await communityWithMembers(h);
  const file = Buffer.from('姓名,积分\n阿花,300\n').toString('base64');
  const { import: done } = await h.ok(
    'points',
    'importBalances',
    { communityId: c, file, requestId: 'weapp-import-1' },
    { openid: 'o_owner', now: NOW },
  );
  const [row] = (await h.ok('points', 'importRows', { communityId: c, importId: done.id }, { openid: 'o_owner', now: NOW })).rows;
  return { h, c, importId: done.id as string, code: row.code as string };
}
