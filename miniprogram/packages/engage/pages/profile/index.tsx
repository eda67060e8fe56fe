import { Input, Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { observer } from 'mobx-react-lite';
import { useState } from 'react';
import { BadgeWall } from '../../../../components/BadgeWall';
import { ErrorLine } from '../../../../components/ErrorLine';
import { WornName } from '../../../../components/WornName';
import { store } from '../../../../stores';
import { giftBlocked, giftLimits, giftProblem } from '../../../../stores/ProfileStore';
import '../../engage.css';
import './index.css';
import { GIFT_MESSAGE_LIMIT } from '../../../../../cloudfunctions/core/limits';

/** A member's profile: their badges, and sending them points (积分转赠) with the owner's limits said first. */
function Profile() {
  const { profile, points, session } = store;
  const { params } = useRouter();
  const openid = decodeURIComponent(params.openid ?? '');
  const nickname = decodeURIComponent(params.nickname ?? '');
  const [amount, setAmount] = useState('');
  const [message, setMessage] = useState('');
  const [tried, setTried] = useState(false);
  useDidShow(() => {
    // Opened from a link, the community (and its transfer rules) may not be read yet.
    if (!session.community) void session.load();
    void profile.open(openid);
    void points.load();
  });
  const badges = profile.openid === openid ? profile.badges : [];
  const rules = session.community?.rules;
  const rule = rules?.transfer;
  const blocked = rules && points.me ? giftBlocked(rules.transfer, rules.tiers, points.me.tier.name) : null;
  const mine = points.me?.openid === openid;
  const balance = points.me?.balance ?? null;
  const problem = tried && rule ? giftProblem(amount, rule, balance) : null;

  const send = async () => {
    setTried(true);
    if (!rule || giftProblem(amount, rule, balance)) return;
    const { confirm } = await Taro.showModal({
      title: '确认转赠',
      content: `送给「${nickname}」${amount} 积分？转出后不能撤回。`,
      confirmText: '转赠',
    });
    if (confirm && (await profile.send(openid, Number(amount), message))) {
      setAmount('');
      setMessage('');
      setTried(false);
      void points.load();
    }
  };
  return (
    <View>
      <View className="card">
        <View id="profile-name">
          <WornName className="profile__name" nickname={nickname} worn={profile.openid === openid ? profile.worn : null} />
        </View>
        <Text className="muted">
          徽章 {badges.filter((b) => b.earnedAt).length}/{badges.length}
        </Text>
        <BadgeWall id="profile-badges" badges={badges} />
      </View>
      {!mine && rule && (
        <View className="card" id="gift-form">
          <View className="row">
            <Text className="profile__title">送 TA 积分</Text>
            <Text className="muted">我有 {balance ?? '—'} 积分</Text>
          </View>
          {rule.enabled && (
            <View className="profile__limits" id="gift-limits">
              {giftLimits(rule).map((line) => (
                <Text key={line} className="muted profile__limit">
                  · {line}
                </Text>
              ))}
            </View>
          )}
          {blocked ? (
            <Text id="gift-blocked" className="profile__blocked">
              {blocked}
            </Text>
          ) : (
            <>
              <View className="profile__field">
                <Text className="profile__label">积分</Text>
                <Input
                  id="gift-amount"
                  className="profile__input"
                  type="number"
                  placeholder={`1 到 ${rule.maxPerTransfer}`}
                  value={amount}
                  onInput={(e) => setAmount(e.detail.value)}
                />
                {problem && (
                  <Text id="gift-amount-error" className="field-error">
                    {problem}
                  </Text>
                )}
              </View>
              <View className="profile__field">
                <Text className="profile__label">留言（可选）</Text>
                <Input
                  id="gift-message"
                  className="profile__input"
                  maxlength={GIFT_MESSAGE_LIMIT}
                  placeholder="例如 谢谢你的分享"
                  value={message}
                  onInput={(e) => setMessage(e.detail.value)}
                />
              </View>
              <Button id="gift-send" type="primary" block disabled={profile.busy} onClick={() => void send()}>
                转赠
              </Button>
            </>
          )}
        </View>
      )}
      {profile.sent?.to === openid && (
        <Text id="gift-done" className="notice">
          已送出 {-profile.sent.entry.delta} 积分，剩余 {profile.sent.balance} 积分
        </Text>
      )}
      <ErrorLine message={profile.error} />
    </View>
  );
}

export default observer(Profile);
