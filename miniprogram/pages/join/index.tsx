import { Text, View } from '@tarojs/components';
import Taro, { useLoad } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { observer } from 'mobx-react-lite';
import { ErrorLine } from '../../components/ErrorLine';
import { store } from '../../stores';
import './index.css';

/** Where a shared link lands: /pages/join/index?communityId=...&inviteCode=... */
function Join() {
  const { session } = store;
  useLoad((params: Record<string, string | undefined>) => {
    if (params.communityId) session.useCommunity(params.communityId, params.inviteCode);
    void session.load().then(() => {
      if (session.isMember) void Taro.redirectTo({ url: '/pages/home/index' });
    });
  });
  const community = session.community;
  const rules = community?.rules;
  return (
    <View className="join">
      {community && rules && (
        <View className="card">
          <Text className="join__title" id="join-community">
            {community.name}
          </Text>
          <Text className="join__perk">· 每天签到 +{rules.checkin.points} 分，连续 {rules.checkin.streakDays} 天再得 +{rules.checkin.streakBonus}</Text>
          <Text className="join__perk">· 积分升级：{rules.tiers.map((t) => t.name).join(' → ')}</Text>
          <Text className="join__perk">· 积分可在商城兑换好礼</Text>
          <Button
            id="join-button"
            type="primary"
            block
            onClick={() =>
              void session.join().then((joined) => {
                if (joined) void Taro.redirectTo({ url: '/pages/home/index' });
              })
            }
          >
            加入社群
          </Button>
        </View>
      )}
      {!session.communityId && <View className="card">这个链接不完整，请回到群里重新打开卡片。</View>}
      <ErrorLine message={session.error} />
    </View>
  );
}

export default observer(Join);
