import { Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { observer } from 'mobx-react-lite';
import { ErrorLine } from '../../../../components/ErrorLine';
import { store } from '../../../../stores';
import { describeCampaign } from '../../../../stores/CampaignsStore';
import { rulesSections } from '../../../../stores/rulesText';
import '../../engage.css';

/** 积分规则: how to earn, spend and keep points, and what each tier gives — from the live rules. */
function RulesPage() {
  const { session, campaigns } = store;
  useDidShow(() => {
    void session.load();
    void campaigns.load();
  });
  const rules = session.community?.rules;
  if (!rules)
    return (
      <View className="card muted">
        {session.error ? '没能加载规则' : '加载中…'}
        <ErrorLine message={session.error} />
      </View>
    );
  return (
    <View>
      {campaigns.banners.length > 0 && (
        <View className="card" id="rules-campaigns">
          <Text className="muted">正在进行的活动</Text>
          {campaigns.banners.map((c) => (
            <View key={c.id} className="rule-line">
              <View>
                <Text className="rule-line__what">{c.name}</Text>
                <Text className="rule-line__note">{describeCampaign(c)}</Text>
              </View>
              <Text className="rule-line__points">{c.status === 'active' ? '进行中' : '即将开始'}</Text>
            </View>
          ))}
        </View>
      )}
      {rulesSections(rules).map((section) => (
        <View key={section.title} className="card">
          <Text className="muted">{section.title}</Text>
          {section.lines.map((line) => (
            <View key={line.what} className="rule-line">
              <View>
                <Text className="rule-line__what">{line.what}</Text>
                {line.note && <Text className="rule-line__note">{line.note}</Text>}
              </View>
              <Text className="rule-line__points">{line.points}</Text>
            </View>
          ))}
        </View>
      ))}
      <View className="card muted">
        活动期间的翻倍按「等级倍数 × 活动倍数」计算，向下取整；积分调整和邀请奖励不翻倍。每日上限按次数计算，翻倍不影响上限。
      </View>
    </View>
  );
}

export default observer(RulesPage);
