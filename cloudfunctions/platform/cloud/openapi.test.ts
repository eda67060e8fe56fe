import { wxMessenger, type WxOpenApi } from './openapi';

describe('the subscription message adapter', () => {
  it('fills each template field within its type: number3 never negative, thing and phrase clipped', async () => {
    const sent: Array<{ data: Record<string, { value: string }> }> = [];
    const cloud = { openapi: { subscribeMessage: { send: async (params: { data: Record<string, { value: string }> }) => sent.push(params) } } } as unknown as WxOpenApi;
    const messenger = wxMessenger(cloud, 'tmpl-1', () => undefined);
    const base = { openid: 'o_a', subject: '一篇很长很长的经验帖标题，超过二十个字的部分会被截掉的', page: 'pages/feed/index', note: '' };
    await messenger.sendReviewResult({ ...base, outcome: '已通过', points: 80 });
    await messenger.sendReviewResult({ ...base, outcome: '下架扣回', points: -80 });
    expect(sent.map((s) => s.data.number3.value)).toEqual(['80', '80']);
    for (const { data } of sent) {
      expect(data.number3.value).toMatch(/^\d+$/);
      expect([...data.thing1.value].length).toBeLessThanOrEqual(20);
      expect([...data.phrase2.value].length).toBeLessThanOrEqual(5);
    }
  });
});
