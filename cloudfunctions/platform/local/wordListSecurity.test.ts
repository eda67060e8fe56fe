import { readWordList, wordListSecurity } from './wordListSecurity';

const check = (security: ReturnType<typeof wordListSecurity>, text: string) => security.checkText({ openid: 'o', scene: 'forum', text });

describe('the local word-list content security', () => {
  it('refuses risky words and holds doubtful ones, through spacing, punctuation and width', async () => {
    const security = wordListSecurity();
    expect(await check(security, '宝宝辅食心得分享')).toEqual({ suggest: 'pass', label: null });
    expect(await check(security, '周末一起 网·赌 吗')).toEqual({ suggest: 'risky', label: '违法犯罪' });
    expect(await check(security, '需要的加 ＶＸ 聊')).toEqual({ suggest: 'review', label: '广告' });
  });

  it("takes an owner's own list, replacing the defaults list by list", async () => {
    const security = wordListSecurity(readWordList(JSON.stringify({ risky: ['竞品'], review: [{ word: '团购', label: '营销' }] })));
    expect(await check(security, '竞品更便宜')).toEqual({ suggest: 'risky', label: '违规内容' });
    expect(await check(security, '有人团购吗')).toEqual({ suggest: 'review', label: '营销' });
    expect(await check(security, '加微信')).toEqual({ suggest: 'pass', label: null });
    expect(await check(wordListSecurity(readWordList('{"review": []}')), '网赌')).toMatchObject({ suggest: 'risky' });
  });
});
