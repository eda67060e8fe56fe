import { CommunityGateway, NoCommunity } from '../gateway/communityGateway';
import { ApiError, type Gateway } from '../gateway/gateway';
import { Request } from './request';

const later = <T>(value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), 5));

describe('Request, the stores’ one request primitive', () => {
  it('runs a tap once at a time: a second tap while the first is under way does nothing', async () => {
    const request = new Request();
    let runs = 0;
    const tap = () => request.run(async () => later(++runs));
    const [first, second] = await Promise.all([tap(), tap()]);
    expect([first, second]).toEqual([{ done: true, value: 1 }, { done: false }]);
    expect(request.pending).toBe(false);
  });

  it('lets every refresh go out, and stays pending while any is', async () => {
    const request = new Request('refresh');
    const both = Promise.all([request.run(() => later('a')), request.run(() => later('b'))]);
    expect(request.pending).toBe(true);
    expect(await both).toEqual([
      { done: true, value: 'a' },
      { done: true, value: 'b' },
    ]);
    expect(request.pending).toBe(false);
  });

  it('keeps the server’s words for a refusal, a retry hint for anything else, until the next success', async () => {
    const request = new Request();
    await request.run(() => Promise.reject(new ApiError('OUT_OF_STOCK', '已经兑完了')));
    expect(request.error).toBe('已经兑完了');
    await request.run(() => Promise.reject(new TypeError('network down')));
    expect(request.error).toBe('网络开小差了，请稍后重试');
    await request.run(async () => 1);
    expect(request.error).toBeNull();
  });

  it('sends nothing and says nothing before there is a community', async () => {
    const sent: unknown[] = [];
    const gateway: Gateway = { call: async (...args: unknown[]) => (sent.push(args), { read: 0 }) as never };
    let current: string | null = null;
    const community = new CommunityGateway(gateway, () => current);
    const request = new Request();
    expect(await request.run(() => community.call('notices', 'read', {}))).toEqual({ done: false });
    expect(request.error).toBeNull();
    expect(sent).toEqual([]);
    await expect(community.call('notices', 'read', {})).rejects.toBeInstanceOf(NoCommunity);
    current = 'c1';
    expect(await request.run(() => community.call('notices', 'read', {}))).toEqual({ done: true, value: { read: 0 } });
    expect(sent).toEqual([['notices', 'read', { communityId: 'c1' }]]);
  });
});
