import { Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { observer } from 'mobx-react-lite';
import { ErrorLine } from '../../../../components/ErrorLine';
import { store } from '../../../../stores';
import './index.css';

const percent = (weight: number) => `${(weight / 100).toFixed(weight % 100 ? 2 : 0)}%`;

/** Draws with their prize tables in plain numbers; one tap per try; the roll is shown. */
function Lottery() {
  const { lottery } = store;
  useDidShow(() => void lottery.load());
  const result = lottery.lastResult;
  return (
    <View>
      <View className="card">
        <Text className="muted">我的积分</Text>
        <Text className="lottery__balance" id="lottery-balance">
          {lottery.loaded ? lottery.balance : '—'}
        </Text>
      </View>
      {result && (
        <View className={`card lottery__result ${result.prize ? 'lottery__result--win' : ''}`} id="draw-result">
          <Text className="lottery__headline">{result.prize ? `抽中「${result.prize.name}」` : '谢谢参与，下次好运'}</Text>
          <Text className="muted">
            本次随机数 {result.roll} / 10000{result.prize ? ' · 奖品已生成订单，群主会联系你' : ''}
          </Text>
        </View>
      )}
      {!lottery.loaded && !lottery.error && <View className="card muted">加载中…</View>}
      {lottery.loaded && lottery.draws.length === 0 && <View className="card muted">暂时没有抽奖活动</View>}
      {lottery.draws.map((draw) => (
        <View className="card" key={draw.id} id={`draw-${draw.id}`}>
          <Text className="lottery__name">{draw.name}</Text>
          {draw.prizes.map((prize) => (
            <View className="row lottery__prize" key={prize.id}>
              <Text>{prize.name}</Text>
              <Text className="muted">
                {percent(prize.weight)} · 剩 {prize.stock}
              </Text>
            </View>
          ))}
          <View className="row lottery__prize">
            <Text className="muted">谢谢参与</Text>
            <Text className="muted">{percent(draw.noPrizeWeight)}</Text>
          </View>
          <Button id={`try-${draw.id}`} type="primary" block loading={lottery.drawing} disabled={lottery.balance < draw.costPoints} onClick={() => void lottery.tryDraw(draw.id)}>
            {lottery.balance < draw.costPoints ? `需要 ${draw.costPoints} 积分` : `抽一次 · ${draw.costPoints} 积分`}
          </Button>
        </View>
      ))}
      <ErrorLine message={lottery.error} onRetry={() => void lottery.load()} />
    </View>
  );
}

export default observer(Lottery);
