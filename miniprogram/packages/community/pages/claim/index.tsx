import { Input, Text, View } from '@tarojs/components';
import Taro, { useLoad } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { observer } from 'mobx-react-lite';
import { useState } from 'react';
import { ErrorLine } from '../../../../components/ErrorLine';
import { store } from '../../../../stores';
import { claimCodeProblem } from '../../../../stores/BalancesStore';
import '../create/index.css';

/**
 * 领取期初积分: a member moving from the community's old spreadsheet enters the code the owner
 * sent (or opens the owner's link, ?communityId=…&code=…) and the points arrive, once.
 */
function Claim() {
  const { session, balances } = store;
  const [code, setCode] = useState('');
  const [tried, setTried] = useState(false);
  useLoad((query: Record<string, string | undefined>) => {
    if (query.communityId) session.useCommunity(query.communityId);
    if (query.code) setCode(query.code);
  });
  const problem = claimCodeProblem(code);
  const claimed = balances.claimed;

  async function claim() {
    setTried(true);
    if (problem) return;
    if (await balances.claim(code)) void Taro.showToast({ title: '已到账', icon: 'success' });
  }

  return (
    <View className="create-community">
      <View className="card">
        <Text className="field-label">群主发给你的领取码（8 位）</Text>
        <Input
          id="claim-code"
          className="field-input"
          placeholder="如 ABCD-EF23"
          maxlength={12}
          value={code}
          onInput={(e) => setCode(e.detail.value)}
        />
        {tried && problem && (
          <Text id="claim-code-error" className="field-problem">
            {problem}
          </Text>
        )}
        <ErrorLine message={balances.claiming.error} />
      </View>
      <View className="create-community__action">
        <Button id="claim-submit" type="primary" block loading={balances.claiming.pending} onClick={() => void claim()}>
          领取
        </Button>
      </View>
      {claimed && (
        <View className="card" id="claim-result">
          <Text className="template__name">+{claimed.row.points} 积分已到账</Text>
          <Text className="template__basis">
            {claimed.row.name}
            {claimed.row.note ? ` · ${claimed.row.note}` : ''} · 现在共 {claimed.balance} 积分
          </Text>
        </View>
      )}
    </View>
  );
}

export default observer(Claim);
