import { INVITE_CODE, inviteCodeFrom, inviteScene, inviterRefusal, parseInviteScene, passesRiskGate } from './referral';

describe('referral rules', () => {
  it("refuses oneself and one's own inviter as inviter", () => {
    expect(inviterRefusal({ newcomer: 'a', inviter: 'b', invitersInviter: null })).toBeNull();
    expect(inviterRefusal({ newcomer: 'a', inviter: 'b', invitersInviter: 'c' })).toBeNull();
    expect(inviterRefusal({ newcomer: 'a', inviter: 'a', invitersInviter: null })).toBe('self');
    expect(inviterRefusal({ newcomer: 'a', inviter: 'b', invitersInviter: 'a' })).toBe('circular');
  });

  it('lets ranks under the threshold through', () => {
    expect([0, 1, 2, 3, 4].map((rank) => passesRiskGate(rank, 3))).toEqual([true, true, true, false, false]);
  });

  it('makes readable 8-character codes', () => {
    const code = inviteCodeFrom(Uint8Array.from([0, 1, 2, 30, 31, 62, 200, 255]));
    expect(code).toMatch(INVITE_CODE);
    expect(code).toHaveLength(8);
  });

  it("round-trips a mini-program code's scene, as WeChat hands it to the page (URL-encoded)", () => {
    const scene = inviteScene('k3J9x_Ab-2Qw', 'DU6HRUHS');
    expect(scene.length).toBeLessThanOrEqual(32);
    expect(parseInviteScene(encodeURIComponent(scene))).toEqual({ communityId: 'k3J9x_Ab-2Qw', inviteCode: 'DU6HRUHS' });
    expect(parseInviteScene('x=1')).toBeNull();
  });
});
