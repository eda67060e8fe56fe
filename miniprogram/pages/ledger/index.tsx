import { Text, View } from '@tarojs/components';
import { useDidShow, useReachBottom } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { observer } from 'mobx-react-lite';
import { ErrorLine } from '../../components/ErrorLine';
import { store } from '../../stores';
import { formatTime } from '../../stores/format';
import { entryLabel } from '../../stores/LedgerStore';
import './index.css';

function Ledger() {
  const { ledger, session } = store;
  useDidShow(() => void ledger.refresh());
  useReachBottom(() => void ledger.loadMore());
  const tz = session.community?.timezone;
  return (
    <View className="ledger">
      {ledger.loaded && ledger.entries.length === 0 && (
        <View className="card muted" id="ledger-empty">
          还没有积分记录，去首页签到吧
        </View>
      )}
      <View className="card ledger__list">
        {ledger.entries.map((entry) => (
          <View className="ledger__row row" key={entry.id} id={`entry-${entry.kind}`}>
            <View>
              <Text className="ledger__reason">{entry.reason}</Text>
              <Text className="muted ledger__meta">
                {entryLabel(entry)} · {formatTime(entry.createdAt, tz)} · 余额 {entry.balanceAfter}
              </Text>
            </View>
            <Text className={`ledger__delta ${entry.delta > 0 ? 'ledger__delta--plus' : 'ledger__delta--minus'}`}>
              {entry.delta > 0 ? `+${entry.delta}` : entry.delta}
            </Text>
          </View>
        ))}
      </View>
      {ledger.hasMore && (
        <View className="ledger__more">
          <Button id="ledger-more" fill="outline" loading={ledger.loading} onClick={() => void ledger.loadMore()}>
            加载更多
          </Button>
        </View>
      )}
      {ledger.loaded && !ledger.hasMore && ledger.entries.length > 0 && <Text className="muted ledger__end">没有更早的记录了</Text>}
      <ErrorLine message={ledger.error} onRetry={() => void ledger.refresh()} />
    </View>
  );
}

export default observer(Ledger);
