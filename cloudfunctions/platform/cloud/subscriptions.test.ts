import type { OutsideMessage } from '../ports';
import { templateData, templatesFrom, wxMessenger, type WxSubscribeMessage } from './subscriptions';

const message: OutsideMessage = {
  purpose: 'reviewResult',
  openid: 'o_a',
  subject: '一篇很长很长的经验帖标题，超过二十个字的部分会被截掉的',
  outcome: '下架扣回',
  points: -80,
  note: '',
  page: 'pages/feed/index',
};
const REVIEW = {
  id: 'tmpl-review',
  fields: { subject: 'thing1', outcome: 'phrase2', points: 'number3', note: 'thing4', time: 'time5' },
} as const;

describe('subscription templates', () => {
  it('fills each key within its type: numbers never negative, thing and phrase clipped, time in Beijing', () => {
    const data = templateData(REVIEW, message, new Date('2026-03-01T16:30:00Z'));
    expect(data).toEqual({
      thing1: { value: expect.any(String) },
      phrase2: { value: '下架扣回' },
      number3: { value: '80' },
      thing4: { value: '—' },
      time5: { value: '2026-03-02 00:30' },
    });
    expect([...data.thing1.value]).toHaveLength(20);
    expect(templateData({ id: 't', fields: { outcome: 'phrase1' } }, { ...message, outcome: '众筹未成功了' }, new Date())).toEqual({
      phrase1: { value: '众筹未成…' },
    });
  });

  it('reads the settings from the environment; junk is logged and sends nothing', () => {
    const logged: string[] = [];
    const log = (line: string) => void logged.push(line);
    expect(templatesFrom(JSON.stringify({ reviewResult: REVIEW }), log)).toEqual({ reviewResult: REVIEW });
    expect(templatesFrom(undefined, log)).toEqual({});
    expect(templatesFrom('{"reviewResult": {"id": "t", "fields": {"subject": "title1"}}}', log)).toEqual({});
    expect(templatesFrom('{"shopping": {"id": "t", "fields": {}}}', log)).toEqual({});
    expect(logged).toHaveLength(2);
  });

  it('sends a purpose through its own template and nothing for a purpose without one; a refusal is logged, not thrown', async () => {
    const sent: Array<{ templateId: string; touser: string }> = [];
    let refuse = false;
    const cloud: WxSubscribeMessage = {
      openapi: {
        subscribeMessage: {
          send: async (params) => {
            if (refuse) throw Object.assign(new Error('user refuse to accept the msg'), { errCode: 43101 });
            sent.push(params);
          },
        },
      },
    };
    const logged: string[] = [];
    const messenger = wxMessenger(
      cloud,
      { reviewResult: REVIEW, orderUpdate: { id: 'tmpl-order', fields: { subject: 'thing1', outcome: 'phrase2' } } },
      (line) => void logged.push(line),
    );
    await messenger.send(message);
    await messenger.send({ ...message, purpose: 'orderUpdate' });
    await messenger.send({ ...message, purpose: 'pointsChanged' });
    expect(sent.map((s) => [s.templateId, s.touser])).toEqual([
      ['tmpl-review', 'o_a'],
      ['tmpl-order', 'o_a'],
    ]);
    refuse = true;
    await expect(messenger.send(message)).resolves.toBeUndefined();
    expect(logged).toEqual(['reviewResult message not sent']);
  });
});
