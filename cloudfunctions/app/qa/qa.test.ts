import { communityWithMembers, eachStore, type Harness } from '../../testing/harness';
import { STORIES } from '../../core/testing/stories';

let h: Harness;
let c: string;
const NOW = '2026-06-01T04:00:00Z';

eachStore((open) => {
  beforeEach(async () => {
    h = open();
    c = await communityWithMembers(h);
    await h.ok('community', 'join', { communityId: c, nickname: 'carol' }, { openid: 'o_carol', now: NOW });
  });

  const ask = async (openid = 'o_alice', title = '宝宝晚上总醒怎么办？') =>
    (await h.ok('qa', 'ask', { communityId: c, title, body: '一岁半，每晚醒三四次' }, { openid, now: NOW })).question;
  const answer = async (questionId: string, openid: string, body: string) =>
    (await h.ok('qa', 'answer', { communityId: c, questionId, body }, { openid, now: NOW })).answer;
  const accept = (answerId: string, openid = 'o_alice') => h.call('qa', 'accept', { communityId: c, answerId }, { openid, now: NOW });
  const balanceOf = async (openid: string) => (await h.ok('points', 'me', { communityId: c }, { openid, now: NOW })).balance as number;

  describe('Q&A', () => {
    it('ask, answer, accept: the answerer is credited once; the question shows the accepted answer first', async () => {
      const question = await ask();
      const first = await answer(question.id, 'o_bob', STORIES[1]);
      const second = await answer(question.id, 'o_carol', STORIES[2]);
      expect(await accept(second.id)).toMatchObject({ ok: true, data: { awarded: 20, answer: { accepted: true } } });
      expect(await balanceOf('o_carol')).toBe(20);
      const { question: shown, answers } = await h.ok('qa', 'get', { communityId: c, questionId: question.id }, { openid: 'o_bob' });
      expect(shown).toMatchObject({ acceptedAnswerId: second.id, answers: 2 });
      expect(answers.map((a: any) => a.id)).toEqual([second.id, first.id]);
      expect((await h.ok('notices', 'list', { communityId: c }, { openid: 'o_carol' })).notices[0]).toMatchObject({
        kind: 'answer_accepted',
        points: 20,
      });
      expect((await h.ok('qa', 'list', { communityId: c }, { openid: 'o_carol' })).questions.map((q: any) => q.id)).toEqual([question.id]);
    });

    it('accepts one answer per question, even when two are accepted at once', async () => {
      const question = await ask();
      const answers = [await answer(question.id, 'o_bob', STORIES[1]), await answer(question.id, 'o_carol', STORIES[2])];
      await h.ok('community', 'setRole', { communityId: c, openid: 'o_carol', role: 'moderator' }, { openid: 'o_owner' });
      const results = await Promise.all([
        accept(answers[0].id),
        accept(answers[1].id, 'o_owner'),
        accept(answers[0].id, 'o_owner'),
        accept(answers[1].id),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.error.code)).toEqual(Array(3).fill('ALREADY_DONE'));
      expect((await balanceOf('o_bob')) + (await balanceOf('o_carol'))).toBe(20);
    });

    it("lets the asker, a moderator or the owner accept — never oneself, never the asker's own answer", async () => {
      const question = await ask();
      const bobs = await answer(question.id, 'o_bob', STORIES[1]);
      const askers = await answer(question.id, 'o_alice', STORIES[3]);
      expect(await accept(bobs.id, 'o_carol')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(await accept(bobs.id, 'o_bob')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(await accept(askers.id, 'o_owner')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(await accept(bobs.id, 'o_stranger')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(await accept(bobs.id, 'o_owner')).toMatchObject({ ok: true, data: { awarded: 20 } });
      expect(await balanceOf('o_alice')).toBe(0);
    });

    it('caps credited acceptances per answerer per day', async () => {
      const awarded: unknown[] = [];
      for (const story of STORIES.slice(0, 6)) {
        const question = await ask('o_alice', `问题：${story.slice(0, 8)}`);
        const reply = await answer(question.id, 'o_bob', story);
        const accepted = await h.ok('qa', 'accept', { communityId: c, answerId: reply.id }, { openid: 'o_alice', now: NOW });
        awarded.push([accepted.awarded, accepted.capped ?? false]);
      }
      expect(awarded).toEqual([...Array(5).fill([20, false]), [0, true]]);
      expect(await balanceOf('o_bob')).toBe(100);
    });

    it('a copied or empty answer earns nothing when accepted, and says why when written', async () => {
      const q1 = await ask();
      const q2 = await ask('o_carol', '辅食怎么加？');
      const original = await answer(q1.id, 'o_bob', STORIES[1]);
      const copy = await answer(q2.id, 'o_bob', `${STORIES[1]}！`);
      const short = await answer(q2.id, 'o_bob', '同上 +1');
      expect([original.noPoints, copy.noPoints?.reason, short.noPoints?.reason]).toEqual([null, 'duplicate', 'too_short']);
      expect(await accept(copy.id, 'o_carol')).toMatchObject({ ok: true, data: { awarded: 0, noPoints: { reason: 'duplicate' } } });
      expect(await balanceOf('o_bob')).toBe(0);
    });

    it('refuses risky text; holds doubtful text for moderators, who release or remove it', async () => {
      expect(await h.call('qa', 'ask', { communityId: c, title: '哪里能买到冰毒', body: '急' }, { openid: 'o_alice' })).toMatchObject({
        ok: false,
        error: { code: 'CONTENT_REJECTED' },
      });
      const question = await ask();
      const held = await answer(question.id, 'o_bob', '我家也是这样，想了解的加我微信细聊，有好办法');
      expect(held).toMatchObject({ status: 'held', flag: { label: '广告' } });
      const seenBy = async (openid: string) =>
        (await h.ok('qa', 'get', { communityId: c, questionId: question.id }, { openid })).answers.map((a: any) => a.id);
      expect(await seenBy('o_carol')).toEqual([]);
      expect(await seenBy('o_bob')).toEqual([held.id]);
      expect(await accept(held.id)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
      expect((await h.ok('qa', 'heldAnswers', { communityId: c }, { openid: 'o_owner' })).answers.map((a: any) => a.id)).toEqual([held.id]);
      expect(await h.call('qa', 'heldAnswers', { communityId: c }, { openid: 'o_carol' })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
      await h.ok('qa', 'moderate', { communityId: c, kind: 'answer', id: held.id, decision: 'release' }, { openid: 'o_owner' });
      expect(await seenBy('o_carol')).toEqual([held.id]);
      expect((await h.ok('qa', 'get', { communityId: c, questionId: question.id }, { openid: 'o_carol' })).answers[0].flag).toBeNull();
    });

    it('loses no answer when many arrive at once, and refuses moderation to members', async () => {
      const question = await ask();
      const writers = Array.from({ length: 8 }, (_, i) => `o_w${i}`);
      for (const w of writers) await h.ok('community', 'join', { communityId: c }, { openid: w, now: NOW });
      const results = await Promise.all(
        writers.map((w, i) =>
          h.call('qa', 'answer', { communityId: c, questionId: question.id, body: STORIES[i] }, { openid: w, now: NOW }),
        ),
      );
      expect(results.every((r) => r.ok)).toBe(true);
      const shown = await h.ok('qa', 'get', { communityId: c, questionId: question.id }, { openid: 'o_alice' });
      expect([shown.question.answers, shown.answers.length]).toEqual([8, 8]);
      const answerId = shown.answers[0].id;
      expect(
        await h.call('qa', 'moderate', { communityId: c, kind: 'answer', id: answerId, decision: 'remove' }, { openid: 'o_carol' }),
      ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(await h.call('notices', 'list', { communityId: c }, { openid: 'o_stranger' })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
      expect(await h.call('notices', 'read', { communityId: c }, { openid: 'o_stranger' })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
      expect((await h.ok('qa', 'get', { communityId: c, questionId: question.id }, { openid: 'o_alice' })).answers).toHaveLength(8);
    });

    it('refuses bad input and changes nothing', async () => {
      const question = await ask();
      for (const bad of [
        { title: '', body: 'x' },
        { title: 'x'.repeat(61), body: 'x' },
        { title: '问', body: null },
      ]) {
        expect(await h.call('qa', 'ask', { communityId: c, ...bad }, { openid: 'o_alice' })).toMatchObject({
          ok: false,
          error: { code: 'INVALID_INPUT' },
        });
      }
      expect(await h.call('qa', 'answer', { communityId: c, questionId: 'nope', body: STORIES[0] }, { openid: 'o_bob' })).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      });
      expect(await h.call('qa', 'answer', { communityId: c, questionId: question.id, body: '   ' }, { openid: 'o_bob' })).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT' },
      });
      expect(await h.call('qa', 'accept', { communityId: c, answerId: '../x' }, { openid: 'o_alice' })).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT' },
      });
      expect((await h.ok('qa', 'list', { communityId: c }, { openid: 'o_bob' })).questions).toHaveLength(1);
      expect((await h.ok('qa', 'get', { communityId: c, questionId: question.id }, { openid: 'o_bob' })).answers).toEqual([]);
    });
  });
});
