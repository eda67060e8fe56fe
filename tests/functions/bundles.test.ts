import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { MemoryWxDatabase } from '../../cloudfunctions/store/testing/memoryWxDatabase';
import { COLLECTIONS } from '../../cloudfunctions/store/schema';

/**
 * The deployable bundles in dist/cloudfunctions, loaded as the cloud would load them, with
 * wx-server-sdk replaced by a double whose database enforces the cloud database's rules.
 */
// Every query the functions make must have its index declared (database/collections.json).
const db = new MemoryWxDatabase({ indexes: COLLECTIONS });
const context = { OPENID: '', SOURCE: '' as string | undefined, APPID: 'wx_app', CLIENTIP: '10.0.0.7', ENV: 'env-1' };
// The merchant account bound in 云开发控制台, as the functions' environment says (README: 微信支付).
process.env.WX_PAY_SUB_MCH_ID = '1900000109';
// Every purpose has a template here (deploy/settings.json in a real deployment), so every send is seen.
const PURPOSES = ['reviewResult', 'pointsChanged', 'orderUpdate', 'checkinReminder', 'announcement'];
process.env.SUBSCRIPTION_TEMPLATES = JSON.stringify(
  Object.fromEntries(
    PURPOSES.map((purpose) => [purpose, { id: `tmpl-${purpose}`, fields: { subject: 'thing1', outcome: 'phrase2', points: 'number3' } }]),
  ),
);
/** WeChat Pay's side: the trades it has seen paid, by out_trade_no. */
const trades = new Map<string, { totalFee: number; transactionId: string }>();
/** Its refunds, by out_refund_no: PROCESSING until the test says SUCCESS. */
const refunds = new Map<string, string>();
let refundsRefused = false;
const riskRanks: Record<string, number> = { wx_farm: 4 };
/** What the open APIs were asked, and what they answer: msgSecCheck flags anything mentioning 微信. */
const openapiCalls: Array<[string, unknown]> = [];
/** The function whose call is running, and the open APIs (named with a dot: security.msgSecCheck) each one was seen to call. */
let running = '';
const openapiUsed = new Map<string, Set<string>>();
const sentPurposes = new Map<string, Set<string>>();
const record = (name: string, params: unknown) => {
  openapiCalls.push([name, params]);
  if (name.includes('.')) openapiUsed.set(running, (openapiUsed.get(running) ?? new Set()).add(name));
};
let traces = 0;
/** What cloud storage was given, by path. */
const uploads = new Map<string, Buffer>();
jest.mock('wx-server-sdk', () => ({
  DYNAMIC_CURRENT_ENV: Symbol('current env'),
  init: () => undefined,
  database: () => db,
  getWXContext: () => context,
  uploadFile: async ({ cloudPath, fileContent }: { cloudPath: string; fileContent: Buffer }) => {
    uploads.set(cloudPath, fileContent);
    return { fileID: `cloud://env-1/${cloudPath}` };
  },
  // WeChat opens a group's cloudID on the server: only the ones it issued (here 'gid:<opengid>').
  getOpenData: async ({ list }: { list: string[] }) => {
    record('getOpenData', list);
    return { list: list.map((cloudID) => ({ cloudID, ...(cloudID.startsWith('gid:') ? { data: { openGId: cloudID.slice(4) } } : {}) })) };
  },
  getTempFileURL: async ({ fileList }: { fileList: Array<string | { fileID: string; maxAge: number }> }) => {
    record('getTempFileURL', fileList);
    return {
      fileList: fileList
        .map((file) => (typeof file === 'string' ? file : file.fileID))
        .map((fileID) => ({ fileID, tempFileURL: `https://tmp.example/${encodeURIComponent(fileID)}` })),
    };
  },
  cloudPay: {
    unifiedOrder: async (params: { outTradeNo: string }) => {
      record('cloudPay.unifiedOrder', params);
      return {
        returnCode: 'SUCCESS',
        resultCode: 'SUCCESS',
        payment: {
          timeStamp: '1764650000',
          nonceStr: 'n0nce',
          package: `prepay_id=wx_${params.outTradeNo}`,
          signType: 'MD5',
          paySign: 'SIGNED',
        },
      };
    },
    closeOrder: async (params: { outTradeNo: string }) => {
      record('cloudPay.closeOrder', params);
      return { returnCode: 'SUCCESS', resultCode: 'SUCCESS' };
    },
    refund: async (params: { outRefundNo: string }) => {
      record('cloudPay.refund', params);
      if (refundsRefused) return { returnCode: 'SUCCESS', resultCode: 'FAIL', errCode: 'SYSTEMERROR', errCodeDes: '系统超时' };
      if (!refunds.has(params.outRefundNo)) refunds.set(params.outRefundNo, 'PROCESSING');
      return { returnCode: 'SUCCESS', resultCode: 'SUCCESS' };
    },
    queryRefund: async (params: { outRefundNo: string }) => {
      record('cloudPay.queryRefund', params);
      const state = refunds.get(params.outRefundNo);
      return state
        ? { returnCode: 'SUCCESS', resultCode: 'SUCCESS', refundStatusList: [state] }
        : { returnCode: 'SUCCESS', resultCode: 'FAIL', errCode: 'REFUNDNOTEXIST' };
    },
    queryOrder: async (params: { outTradeNo: string; subMchId: string }) => {
      record('cloudPay.queryOrder', params);
      const trade = trades.get(params.outTradeNo);
      return trade
        ? { returnCode: 'SUCCESS', resultCode: 'SUCCESS', tradeState: 'SUCCESS', ...trade }
        : { returnCode: 'SUCCESS', resultCode: 'SUCCESS', tradeState: 'NOTPAY' };
    },
  },
  openapi: {
    security: {
      msgSecCheck: async (params: { content: string }) => {
        record('security.msgSecCheck', params);
        return {
          errCode: 0,
          result: params.content.includes('微信') ? { suggest: 'review', label: 10001 } : { suggest: 'pass', label: 100 },
        };
      },
      mediaCheckAsync: async (params: unknown) => {
        record('security.mediaCheckAsync', params);
        return { errCode: 0, traceId: `trace-${++traces}` };
      },
    },
    subscribeMessage: {
      send: async (params: { templateId: string }) => {
        record('subscribeMessage.send', params);
        sentPurposes.set(running, (sentPurposes.get(running) ?? new Set()).add(params.templateId.replace(/^tmpl-/, '')));
      },
    },
    riskControl: {
      getUserRiskRank: async (params: { openid: string }) => {
        record('riskControl.getUserRiskRank', params);
        return { errCode: 0, riskRank: riskRanks[params.openid] ?? 0 };
      },
    },
    wxacode: {
      getUnlimited: async (params: unknown) => {
        record('wxacode.getUnlimited', params);
        return { contentType: 'image/png', buffer: Buffer.from('png') };
      },
    },
  },
}));

const load = (name: string) => {
  const main = require(resolve(__dirname, '../../dist/cloudfunctions', name, 'index.js')).main as (event: unknown) => Promise<any>;
  return async (event: unknown) => {
    running = name;
    return main(event);
  };
};
const as = (openid: string, source?: string) => Object.assign(context, { OPENID: openid, SOURCE: source });

describe('bundled cloud functions on the wx-server-sdk database double', () => {
  // The functions log to console.error (the cloud's log); kept here, not printed with minified stack frames.
  const logged: string[] = [];
  beforeAll(() => jest.spyOn(console, 'error').mockImplementation((message: unknown) => void logged.push(String(message))));

  it('create, join, check in, read points — identity from the WeChat context only', async () => {
    const community = load('community');
    as('wx_owner');
    const created = await community({ action: 'create', name: '云端群', userInfo: { openId: 'spoofed' } });
    expect(created).toMatchObject({ ok: true, data: { community: { ownerOpenid: 'wx_owner' } } });
    const communityId = created.data.community.id;
    as('wx_member');
    expect((await community({ action: 'join', communityId })).ok).toBe(true);

    db.resetCounts();
    const checkin = await load('checkin')({ action: 'checkin', communityId, openid: 'wx_owner' });
    expect(checkin).toMatchObject({ ok: true, data: { awarded: 5, streak: 1, balance: 5 } });
    expect(db.counts.transactions).toBe(1);
    expect(db.counts.txReads + db.counts.txWrites).toBeLessThanOrEqual(5);

    const me = await load('points')({ action: 'me', communityId });
    expect(me).toMatchObject({ ok: true, data: { balance: 5, checkedInToday: true } });
    // A gift's message is screened (msgSecCheck v2, scene 2) before anything moves.
    expect(
      await load('points')({
        action: 'transfer',
        communityId,
        to: 'wx_owner',
        amount: 1,
        message: '加微信领福利',
        requestId: 'bundle-gift-1',
      }),
    ).toMatchObject({ ok: false, error: { code: 'CONTENT_REJECTED' } });
    expect(openapiCalls).toContainEqual([
      'security.msgSecCheck',
      expect.objectContaining({ openid: 'wx_member', scene: 2, version: 2, content: '加微信领福利' }),
    ]);
    // A community's name too, as a profile (scene 1).
    expect(openapiCalls).toContainEqual([
      'security.msgSecCheck',
      expect.objectContaining({ openid: 'wx_owner', scene: 1, content: '云端群' }),
    ]);
    as('wx_owner');
    expect((await load('points')({ action: 'me', communityId })).data.balance).toBe(0);
  });

  it('answers a timer event by its trigger name, and refuses the same action from a user', async () => {
    const jobs = load('jobs');
    as('', 'wx_trigger');
    expect(await jobs({ Type: 'Timer', TriggerName: 'expirePoints', Time: new Date().toISOString() })).toMatchObject({
      ok: true,
      data: { expiredPoints: 0, members: 0, more: false },
    });
    as('wx_member', 'wx_client');
    expect(await jobs({ action: 'expirePoints' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('posts: msgSecCheck v2 screens the text, mediaCheckAsync the images, and a pushed verdict takes the post down', async () => {
    as('wx_owner');
    const communityId = (await load('community')({ action: 'create', name: '图片群' })).data.community.id;
    as('wx_author');
    await load('community')({ action: 'join', communityId, nickname: '作者' });
    const posts = load('posts');
    const created = await posts({
      action: 'create',
      communityId,
      body: '分享我的护肤心得，想要同款的加微信问我，冬天干皮一定要多补水',
      images: ['cloud://env-1/posts/a.jpg'],
    });
    expect(created).toMatchObject({ ok: true, data: { post: { status: 'pending', flag: { source: 'text', label: '广告' } } } });
    expect(openapiCalls).toContainEqual(['security.msgSecCheck', expect.objectContaining({ openid: 'wx_author', scene: 3, version: 2 })]);
    expect(openapiCalls).toContainEqual([
      'security.mediaCheckAsync',
      expect.objectContaining({ openid: 'wx_author', mediaType: 2, version: 2, mediaUrl: expect.stringContaining('tmp.example') }),
    ]);

    as('wx_owner');
    expect(await posts({ action: 'review', communityId, postId: created.data.post.id, decision: 'approve', points: 80 })).toMatchObject({
      ok: true,
      data: { awarded: 80 },
    });
    // The platform pushes the verdict as a message event; its sender is not a member.
    as('');
    const pushed = {
      ToUserName: 'gh_x',
      FromUserName: 'wx_author',
      MsgType: 'event',
      Event: 'wxa_media_check',
      trace_id: `trace-${traces}`,
      version: 2,
      result: { suggest: 'risky', label: 20002 },
    };
    expect(await posts(pushed)).toMatchObject({ ok: true, data: { applied: true } });
    as('wx_author');
    expect((await posts({ action: 'list', communityId, status: 'mine' })).data.posts[0]).toMatchObject({
      status: 'removed',
      flag: { source: 'image', label: '色情' },
    });
    expect((await load('points')({ action: 'me', communityId })).data).toMatchObject({ balance: 0, earnedTotal: 0 });
  });

  it('referrals: the group is opened from its cloudID on the server, the risk gate asks riskControl, the poster gets a wxacode', async () => {
    as('wx_boss');
    const community = load('community');
    const communityId = (await community({ action: 'create', name: '推荐群' })).data.community.id;
    // What the SDK puts in place of a wx.cloud.CloudID parameter carries the data, but only getOpenData is believed: a forged group binds nothing.
    expect(
      await community({ action: 'bindGroup', communityId, groupCloudId: { cloudID: 'made-up', data: { opengid: 'G_boss' } } }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(
      await community({ action: 'bindGroup', communityId, groupCloudId: { cloudID: 'gid:G_boss', data: { opengid: 'G_boss' } } }),
    ).toMatchObject({ ok: true });
    expect(openapiCalls).toContainEqual(['getOpenData', ['gid:G_boss']]);
    const referral = load('referral');
    const { inviteCode } = (await referral({ action: 'invite', communityId })).data;
    const poster = await referral({ action: 'posterCode', communityId });
    expect(poster.data.image).toMatch(/^cloud:\/\/env-1\/codes\//);
    expect(openapiCalls).toContainEqual([
      'wxacode.getUnlimited',
      expect.objectContaining({ page: 'pages/join/index', scene: expect.stringContaining(inviteCode) }),
    ]);
    for (const newcomer of ['wx_friend', 'wx_farm']) {
      as(newcomer);
      await community({ action: 'join', communityId, inviteCode, groupCloudId: { cloudID: 'gid:G_boss', data: { opengid: 'G_boss' } } });
      await load('checkin')({ action: 'checkin', communityId });
    }
    expect(openapiCalls).toContainEqual([
      'riskControl.getUserRiskRank',
      { appid: 'wx_app', openid: 'wx_friend', scene: 1, clientIp: '10.0.0.7' },
    ]);
    as('wx_boss');
    const { referrals } = (await referral({ action: 'list', communityId })).data;
    expect(referrals.map((r: any) => [r.openid, r.status])).toEqual(
      expect.arrayContaining([
        ['wx_friend', 'rewarded'],
        ['wx_farm', 'rejected'],
      ]),
    );
    const members = (await community({ action: 'members', communityId })).data.members;
    expect(members.find((m: any) => m.openid === 'wx_friend')).toMatchObject({ groupId: 'G_boss', invitedBy: 'wx_boss' });
  });

  it('stats: the hourly rollup on its trigger, the overview for staff, an export in cloud storage behind an hour-long temporary URL', async () => {
    as('wx_stats_owner');
    const communityId = (await load('community')({ action: 'create', name: '统计群' })).data.community.id;
    await load('checkin')({ action: 'checkin', communityId });
    as('', 'wx_trigger');
    expect(await load('jobs')({ Type: 'Timer', TriggerName: 'rollupStats', Time: new Date().toISOString() })).toMatchObject({
      ok: true,
      data: { more: false },
    });
    as('wx_stats_owner');
    expect((await load('stats')({ action: 'overview', communityId, days: 7 })).data.totals).toMatchObject({ members: 1 });
    const exported = await load('stats')({ action: 'export', communityId, kind: 'members' });
    expect(exported).toMatchObject({
      ok: true,
      data: { rows: 1, url: expect.stringMatching(/^https:\/\/tmp\.example\/cloud%3A%2F%2Fenv-1%2Fexports%2F/) },
    });
    const [, fileList] = openapiCalls.filter(([name]) => name === 'getTempFileURL').at(-1)!;
    expect(fileList).toEqual([
      { fileID: expect.stringMatching(/^cloud:\/\/env-1\/exports\/\d{4}-\d{2}-\d{2}\/[a-f0-9]{24}\/统计群-成员-.*\.csv$/), maxAge: 3600 },
    ]);
    const csv = [...uploads.entries()].find(([path]) => path.startsWith('exports/'))![1];
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    as('wx_someone');
    await load('community')({ action: 'join', communityId });
    expect(await load('stats')({ action: 'export', communityId, kind: 'members' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  it('campaigns: the owner starts double points, the next check-in is doubled; the engagement jobs answer their triggers', async () => {
    as('wx_campaign_owner');
    const communityId = (await load('community')({ action: 'create', name: '活动群' })).data.community.id;
    const now = Date.now();
    const started = await load('campaigns')({
      action: 'upsert',
      communityId,
      campaign: {
        kind: 'multiplier',
        name: '双倍',
        actions: ['checkin'],
        multiplier: 2,
        startsAt: new Date(now - 60_000).toISOString(),
        endsAt: new Date(now + 86_400_000).toISOString(),
      },
    });
    expect(started).toMatchObject({ ok: true, data: { campaign: { status: 'active' } } });
    expect(await load('checkin')({ action: 'checkin', communityId })).toMatchObject({ ok: true, data: { awarded: 10, multiplier: 2 } });
    expect((await load('points')({ action: 'badges', communityId })).data.badges[0]).toMatchObject({
      key: 'first_checkin',
      earnedAt: expect.any(String),
    });
    as('', 'wx_trigger');
    for (const TriggerName of ['reviewTiers', 'monthlyAwards', 'settlePools', 'expireUnpaid']) {
      expect(await load('jobs')({ Type: 'Timer', TriggerName, Time: new Date().toISOString() })).toMatchObject({
        ok: true,
        data: { more: false },
      });
    }
  });

  it('points + cash: cloudPay.unifiedOrder makes the prepay order; payNotify believes a result only when WeChat Pay confirms it, and once', async () => {
    as('wx_shop');
    // A long Chinese community and reward name: WeChat Pay's body takes 128 bytes, about 42 such characters.
    const communityId = (await load('community')({ action: 'create', name: '杭州西湖区宝妈好物分享互助交流群' })).data.community.id;
    const mall = load('mall');
    const { item } = (
      await mall({
        action: 'upsertItem',
        communityId,
        item: { name: '破壁机（静音款，附赠豆浆研磨杯与清洗刷，全国联保两年）', pointsPrice: 100, cashPrice: 19900, stock: 3 },
      })
    ).data;
    as('wx_buyer');
    await load('community')({ action: 'join', communityId, nickname: '买家' });
    as('wx_shop');
    await load('points')({ action: 'adjust', communityId, openid: 'wx_buyer', delta: 300, reason: '活动', requestId: 'cash-gift-01' });
    as('wx_buyer');
    const shipping = { name: '买家', phone: '13800000000', address: '杭州市西湖区某路 2 号' };
    const redeemed = await mall({ action: 'redeem', communityId, itemId: item.id, requestId: 'cash-order-1', shipping });
    const orderId = redeemed.data.order.id;
    expect(redeemed).toMatchObject({
      ok: true,
      data: {
        balance: 200,
        order: { status: 'unpaid', payment: { amountFen: 19900, params: { package: `prepay_id=wx_${orderId}`, paySign: 'SIGNED' } } },
      },
    });
    expect(openapiCalls).toContainEqual([
      'cloudPay.unifiedOrder',
      expect.objectContaining({
        outTradeNo: orderId,
        totalFee: 19900,
        subMchId: '1900000109',
        envId: 'env-1',
        functionName: 'payNotify',
        spbillCreateIp: '10.0.0.7',
        tradeType: 'JSAPI',
      }),
    ]);
    const [, sent] = openapiCalls.find(([name]) => name === 'cloudPay.unifiedOrder')! as [string, { body: string }];
    expect(Buffer.byteLength(sent.body)).toBeLessThanOrEqual(128);
    expect(sent.body).toMatch(/^杭州西湖区宝妈好物分享互助交流群-破壁机.*…$/);
    const notify = load('payNotify');
    const notice = {
      returnCode: 'SUCCESS',
      resultCode: 'SUCCESS',
      subMchId: '1900000109',
      outTradeNo: orderId,
      totalFee: 19900,
      transactionId: '4200000001',
    };
    // A client calling the callback with a made-up success: WeChat Pay has no such payment, so nothing changes.
    expect(await notify(notice)).toEqual({ errcode: 0, errmsg: 'not a confirmed payment' });
    const status = async () => (await mall({ action: 'orders', communityId })).data.orders[0].status;
    expect(await status()).toBe('unpaid');
    // WeChat Pay's real callback, twice (it retries): paid once.
    trades.set(orderId, { totalFee: 19900, transactionId: '4200000001' });
    as('', undefined);
    expect(await notify(notice)).toEqual({ errcode: 0, errmsg: 'OK' });
    expect(await notify(notice)).toEqual({ errcode: 0, errmsg: 'OK' });
    expect(await notify({ ...notice, subMchId: '1999999999' })).toEqual({ errcode: 0, errmsg: 'not a confirmed payment' });
    as('wx_buyer');
    expect(await status()).toBe('pending');
    expect(await mall({ action: 'pay', communityId, orderId })).toMatchObject({ ok: false, error: { code: 'ALREADY_DONE' } });
    // WeChat Pay stops collecting at the end of the 15-minute window (Beijing time, yyyyMMddHHmmss).
    expect((sent as unknown as { timeExpire: string }).timeExpire).toMatch(/^\d{14}$/);

    // Cancelled after paying: the cash goes back through cloudPay.refund, settled when WeChat Pay says so.
    as('wx_shop');
    expect(await mall({ action: 'cancel', communityId, orderId, reason: '缺货' })).toMatchObject({
      ok: true,
      data: { order: { refund: { status: 'processing', amountFen: 19900 } } },
    });
    expect(openapiCalls).toContainEqual([
      'cloudPay.refund',
      expect.objectContaining({
        outTradeNo: orderId,
        outRefundNo: `R${orderId}`,
        totalFee: 19900,
        refundFee: 19900,
        functionName: 'payNotify',
        envId: 'env-1',
      }),
    ]);
    as('', undefined);
    refunds.set(`R${orderId}`, 'SUCCESS');
    // The refund's callback only prompts a queryRefund; a made-up one for an order without a refund changes nothing.
    expect(await notify({ outRefundNo: `R${orderId}`, refundStatus: 'SUCCESS' })).toEqual({ errcode: 0, errmsg: 'OK' });
    expect(await notify({ outRefundNo: 'Rnot-an-order', refundStatus: 'SUCCESS' })).toEqual({ errcode: 0, errmsg: 'OK' });
    as('wx_buyer');
    expect((await mall({ action: 'orders', communityId })).data.orders[0]).toMatchObject({
      status: 'cancelled',
      refund: { status: 'refunded' },
    });

    // An unpaid order that lapses is closed at WeChat Pay by the tick; the refunds job asks where refunds stand.
    const lapsing = (await mall({ action: 'redeem', communityId, itemId: item.id, requestId: 'cash-order-2', shipping })).data.order.id;
    // Its 15 minutes, passed (the bundles run on the real clock).
    await db
      .collection('orders')
      .doc(lapsing)
      .update({ data: { unpaidUntil: '2000-01-01T00:00:00.000Z' } });
    as('', 'wx_trigger');
    await load('jobs')({ Type: 'Timer', TriggerName: 'expireUnpaid', Time: new Date().toISOString() });
    await load('jobs')({ Type: 'Timer', TriggerName: 'settleRefunds', Time: new Date().toISOString() });
    expect(openapiCalls).toContainEqual(['cloudPay.closeOrder', expect.objectContaining({ outTradeNo: lapsing, subMchId: '1900000109' })]);
    // An unpaid order the owner cancels is closed there too.
    as('wx_buyer');
    const dropped = (await mall({ action: 'redeem', communityId, itemId: item.id, requestId: 'cash-order-3', shipping })).data.order.id;
    as('wx_shop');
    expect(await mall({ action: 'cancel', communityId, orderId: dropped, reason: '买家不要了' })).toMatchObject({
      ok: true,
      data: { order: { status: 'cancelled', refund: null } },
    });
    expect(openapiCalls).toContainEqual(['cloudPay.closeOrder', expect.objectContaining({ outTradeNo: dropped })]);
    // Money that raced the close anyway: payNotify refunds it at once, nobody has to. WeChat Pay
    // refusing for a moment leaves it to the refunds job, which asks again and follows it through.
    trades.set(lapsing, { totalFee: 19900, transactionId: '4200000002' });
    refundsRefused = true;
    as('', undefined);
    expect(await notify({ ...notice, outTradeNo: lapsing, transactionId: '4200000002' })).toEqual({ errcode: 0, errmsg: 'OK' });
    expect(openapiCalls).toContainEqual(['cloudPay.refund', expect.objectContaining({ outTradeNo: lapsing, outRefundNo: `R${lapsing}` })]);
    const refundOf = async () => {
      as('wx_buyer');
      return (await mall({ action: 'orders', communityId })).data.orders.find((o: { id: string }) => o.id === lapsing).refund.status;
    };
    expect(await refundOf()).toBe('pending');
    expect(logged).toContainEqual(expect.stringMatching(/^refund R.*: WeChat Pay did not answer/));
    refundsRefused = false;
    for (const expected of ['processing', 'refunded']) {
      await db
        .collection('orders')
        .doc(lapsing)
        .update({ data: { refundCheckAt: '2000-01-01T00:00:00.000Z' } });
      refunds.set(`R${lapsing}`, expected === 'refunded' ? 'SUCCESS' : 'PROCESSING');
      as('', 'wx_trigger');
      await load('jobs')({ Type: 'Timer', TriggerName: 'settleRefunds', Time: new Date().toISOString() });
      expect(await refundOf()).toBe(expected);
    }
  });

  it('tells members outside the app by purpose: review results, points about to expire, orders shipped or cancelled', async () => {
    as('wx_news_owner');
    const communityId = (await load('community')({ action: 'create', name: '通知群' })).data.community.id;
    await load('community')({ action: 'updateRules', communityId, rules: { expiry: { days: 5 } } });
    const { item } = (
      await load('mall')({ action: 'upsertItem', communityId, item: { name: '帆布袋', pointsPrice: 1, stock: 5, kind: 'service' } })
    ).data;
    as('wx_news_member');
    await load('community')({ action: 'join', communityId, nickname: '小新' });
    await load('checkin')({ action: 'checkin', communityId });
    const { question } = (await load('qa')({ action: 'ask', communityId, title: '宝宝湿疹怎么护理', body: '反复发作，求经验' })).data;
    const orders = await Promise.all(
      ['news-order-1', 'news-order-2'].map((requestId) => load('mall')({ action: 'redeem', communityId, itemId: item.id, requestId })),
    );
    as('wx_news_owner');
    const { answer } = (await load('qa')({ action: 'answer', communityId, questionId: question.id, body: '洗澡水温别太高，保湿要跟上' }))
      .data;
    as('wx_news_member');
    expect(await load('qa')({ action: 'accept', communityId, answerId: answer.id })).toMatchObject({ ok: true });
    as('wx_news_owner');
    expect(await load('mall')({ action: 'fulfil', communityId, orderId: orders[0].data.order.id, note: '已到店领取' })).toMatchObject({
      ok: true,
    });
    expect(await load('mall')({ action: 'cancel', communityId, orderId: orders[1].data.order.id, reason: '库存盘点有误' })).toMatchObject({
      ok: true,
    });
    // The owner's reach: a bulk award told as points changed; a broadcast screened first (msgSecCheck), told in the app,
    // and as a WeChat message to whoever accepted one (two acceptances: the call's broadcast and the job's each use one).
    expect(
      await load('points')({
        action: 'bulkAward',
        communityId,
        openids: ['wx_news_member'],
        delta: 3,
        reason: '活动奖励',
        requestId: 'bundle-bulk-1',
      }),
    ).toMatchObject({ ok: true, data: { batch: { status: 'done', credited: 1 } } });
    as('wx_news_member');
    await load('notices')({ action: 'subscribe', communityId, kind: 'announcement' });
    expect(await load('notices')({ action: 'subscribe', communityId, kind: 'announcement' })).toMatchObject({
      ok: true,
      data: { announcement: { left: 2 } },
    });
    as('wx_news_owner');
    expect(
      await load('notices')({
        action: 'broadcast',
        communityId,
        title: '周六活动',
        body: '本周六下午两点线下见',
        requestId: 'bundle-cast-1',
      }),
    ).toMatchObject({ ok: true, data: { batch: { status: 'done', credited: 2 } } });
    expect(openapiCalls).toContainEqual(['security.msgSecCheck', expect.objectContaining({ openid: 'wx_news_owner', scene: 3 })]);
    // A broadcast left running by its call goes on in the jobs function.
    const runAt = new Date().toISOString();
    await db
      .collection('batches')
      .doc('bundle-cast-job')
      .set({
        data: {
          communityId,
          kind: 'broadcast',
          createdBy: 'wx_news_owner',
          createdAt: runAt,
          delta: null,
          reason: null,
          title: '周日补充',
          body: '地点改到二楼',
          listed: false,
          segment: null,
          status: 'running',
          total: 2,
          done: 0,
          skipped: [],
          skippedCount: 0,
          cursor: '',
          runKey: `running|${runAt}`,
        },
      });
    as('', 'wx_trigger');
    expect(await load('jobs')({ Type: 'Timer', TriggerName: 'runBatches', Time: runAt })).toMatchObject({
      ok: true,
      data: { advanced: 1 },
    });
    as('wx_news_member');
    expect(await load('notices')({ action: 'subscriptions', communityId })).toMatchObject({
      ok: true,
      data: { announcement: { left: 0 } },
    });
    // A check-in reminder the member accepted: sent by the jobs when due (here made due now), as its own purpose.
    as('wx_news_member');
    expect(await load('notices')({ action: 'subscribe', communityId, kind: 'checkin_reminder', hour: 21 })).toMatchObject({
      ok: true,
      data: { checkinReminder: { left: 1, hour: 21 } },
    });
    await db
      .collection('reminders')
      .doc(`${communityId}:wx_news_member:checkin_reminder`)
      .update({ data: { dueKey: '2000-01-01T00:00:00.000Z|x', lastSentDay: null } });
    await db
      .collection('members')
      .doc(`${communityId}:wx_news_member`)
      .update({ data: { lastCheckinDay: '2000-01-01' } });
    as('', 'wx_trigger');
    expect(await load('jobs')({ Type: 'Timer', TriggerName: 'remind', Time: new Date().toISOString() })).toMatchObject({
      ok: true,
      data: { sent: 1 },
    });
    as('wx_news_owner');
    // Points expiring within 7 days: the next tick warns, once.
    as('', 'wx_trigger');
    await load('jobs')({ Type: 'Timer', TriggerName: 'expirePoints', Time: new Date().toISOString() });
    const sent = (openid: string) =>
      openapiCalls
        .filter(([name, params]) => name === 'subscribeMessage.send' && (params as { touser: string }).touser === openid)
        .map(([, params]) => params as { templateId: string; data: Record<string, { value: string }> });
    expect(sent('wx_news_member').map((message) => [message.templateId, message.data.phrase2.value])).toEqual([
      ['tmpl-orderUpdate', '已发货'],
      ['tmpl-orderUpdate', '已取消'],
      ['tmpl-pointsChanged', '积分调整'],
      ['tmpl-announcement', '群公告'],
      ['tmpl-announcement', '群公告'],
      ['tmpl-checkinReminder', '待签到'],
      ['tmpl-pointsChanged', '即将过期'],
    ]);
    // The owner's accepted answer earned points that expire too.
    expect(sent('wx_news_owner').map((message) => [message.templateId, message.data.phrase2.value])).toEqual([
      ['tmpl-reviewResult', '已采纳'],
      ['tmpl-pointsChanged', '即将过期'],
    ]);
  });

  it('declares one timer trigger, the tick that runs what is due, and depends on wx-server-sdk only', async () => {
    const dist = resolve(__dirname, '../../dist/cloudfunctions/jobs');
    expect(require(`${dist}/config.json`).triggers).toEqual([
      expect.objectContaining({ name: 'tick', type: 'timer', config: '0 * * * * * *' }),
    ]);
    as('', 'wx_trigger');
    const ticked = await load('jobs')({ Type: 'Timer', TriggerName: 'tick', Time: new Date().toISOString() });
    expect(ticked).toMatchObject({ ok: true, data: { ran: { expirePoints: { more: false }, rollupStats: { more: false } }, waiting: [] } });
    expect(Object.keys(require(`${dist}/package.json`).dependencies)).toEqual(['wx-server-sdk']);
  });

  // Last: what every test above saw each function call is what each declares (its config.json).
  it('declares exactly the open APIs each function was seen to call, and the messages it sends', () => {
    const sources = resolve(__dirname, '../../cloudfunctions/functions');
    for (const name of readdirSync(sources)) {
      const config = JSON.parse(readFileSync(resolve(sources, name, 'config.json'), 'utf8')) as {
        permissions: { openapi: string[] };
        sends?: string[];
      };
      expect({ name, openapi: [...config.permissions.openapi].sort() }).toEqual({
        name,
        openapi: [...(openapiUsed.get(name) ?? [])].sort(),
      });
      expect({ name, sends: [...(config.sends ?? [])].sort() }).toEqual({ name, sends: [...(sentPurposes.get(name) ?? [])].sort() });
      // What WeChat reads of config.json, and nothing of ours.
      expect(
        Object.keys(require(resolve(__dirname, '../../dist/cloudfunctions', name, 'config.json'))).filter(
          (key) => !['permissions', 'triggers'].includes(key),
        ),
      ).toEqual([]);
    }
  });
});
