import { Text, View } from '@tarojs/components';
import { useLoad } from '@tarojs/taro';
import { replaceWith } from '../../components/navigation';
import { observer } from 'mobx-react-lite';
import { parseInviteScene } from '../../../cloudfunctions/core/referral';
import { ErrorLine } from '../../components/ErrorLine';
import { JoinForm } from '../../components/JoinForm';
import { devIdentity, store } from '../../stores';
import './index.css';

/** Where a shared link lands: /pages/join/index?communityId=...&inviteCode=... (or ?scene=c=...&i=... from a mini-program code). */
function Join() {
  const { session, referral } = store;
  const landing = referral.landing;
  useLoad((query: Record<string, string | undefined>) => {
    // A scanned mini-program code brings its target as `scene`; a share card as page parameters.
    const params = (query.scene && parseInviteScene(query.scene)) || { communityId: query.communityId, inviteCode: query.inviteCode };
    // An invite link opened in a fresh browser (local H5): a newcomer, not one of the demo people.
    if (params.inviteCode) devIdentity?.startAsNewcomer();
    if (params.communityId) session.useCommunity(params.communityId, params.inviteCode);
    void referral.loadLanding(params.inviteCode ?? session.inviteCode);
    void session.load().then(() => {
      if (session.isMember) void replaceWith('/pages/home/index');
    });
  });
  const community = session.community;
  const rules = community?.rules;
  return (
    <View className="join">
      {community && rules && (
        <View className="card">
          {landing?.inviter && (
            <Text className="join__inviter" id="join-inviter">
              {landing.inviter.nickname} 邀请你加入
            </Text>
          )}
          <Text className="join__title" id="join-community">
            {community.name}
          </Text>
          {landing?.inviter && landing.rewards.inviteePoints > 0 && (
            <Text className="join__gift" id="join-gift">
              加入后完成首次签到，送你 {landing.rewards.inviteePoints} 积分
            </Text>
          )}
          <Text className="join__perk">
            · 每天签到 +{rules.checkin.points} 分，连续 {rules.checkin.streakDays} 天再得 +{rules.checkin.streakBonus}
          </Text>
          <Text className="join__perk">· 积分升级：{rules.tiers.map((t) => t.name).join(' → ')}</Text>
          <Text className="join__perk">· 积分可在商城兑换好礼</Text>
          <JoinForm onJoined={() => void replaceWith('/pages/home/index')} />
        </View>
      )}
      {!session.communityId && <View className="card">这个链接不完整，请回到群里重新打开卡片。</View>}
      <ErrorLine message={session.error} />
    </View>
  );
}

export default observer(Join);
