import { Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { observer } from 'mobx-react-lite';
import { useEffect, useState } from 'react';
import { ErrorLine } from '../../../../components/ErrorLine';
import { store } from '../../../../stores';
import { NO_PRIZE, spinPath } from '../../../../stores/LotteryStore';
import './index.css';

const percent = (weight: number) => `${(weight / 100).toFixed(weight % 100 ? 2 : 0)}%`;
/** How long each cell stays lit while the grid turns. */
const STEP_MS = 70;

/**
 * Draws as a grid of their prizes (odds and stock on each); a try lights the cells round and
 * stops on the outcome the server drew. The roll behind it is one tap away (公示), not printed.
 */
function Lottery() {
  const { lottery } = store;
  useDidShow(() => void lottery.load());
  const result = lottery.lastResult;
  const [lit, setLit] = useState<string | null>(null);
  const [landed, setLanded] = useState(true);
  const [showRoll, setShowRoll] = useState(false);
  const spinning = lottery.lastDrawId ? lottery.draws.find((d) => d.id === lottery.lastDrawId) : undefined;

  // A new result: light the cells round, then stop on it.
  useEffect(() => {
    if (!result || !spinning) return;
    const path = spinPath([...spinning.prizes.map((p) => p.id), NO_PRIZE], result.prize?.id ?? NO_PRIZE);
    let step = 0;
    setLanded(false);
    setShowRoll(false);
    const timer = setInterval(() => {
      setLit(path[step]);
      step += 1;
      if (step === path.length) {
        clearInterval(timer);
        setLanded(true);
      }
    }, STEP_MS);
    return () => clearInterval(timer);
  }, [result]);

  return (
    <View>
      <View className="card">
        <Text className="muted">我的积分</Text>
        <Text className="lottery__balance" id="lottery-balance">
          {lottery.loaded ? lottery.balance : '—'}
        </Text>
      </View>
      {result && landed && (
        <View className={`card lottery__result ${result.prize ? 'lottery__result--win' : ''}`} id="draw-result">
          <Text className="lottery__headline">{result.prize ? `抽中「${result.prize.name}」` : '谢谢参与，下次好运'}</Text>
          {result.prize && <Text className="muted">奖品已生成订单，群主会联系你</Text>}
          <Text id="draw-fairness" className="link lottery__fairness" onClick={() => setShowRoll(!showRoll)}>
            公示 {showRoll ? '▴' : '▾'}
          </Text>
          {showRoll && (
            <Text id="draw-roll" className="muted lottery__roll">
              本次随机数 {result.roll} / 10000，由服务器抽取；落在哪个奖项的区间（按上面的概率依次排列）就中哪一项。
            </Text>
          )}
        </View>
      )}
      {!lottery.loaded && !lottery.error && <View className="card muted">加载中…</View>}
      {lottery.loaded && lottery.draws.length === 0 && <View className="card muted">暂时没有抽奖活动</View>}
      {lottery.draws.map((draw) => (
        <View className="card" key={draw.id} id={`draw-${draw.id}`}>
          <Text className="lottery__name">{draw.name}</Text>
          <View className="lottery__grid">
            {[
              ...draw.prizes.map((p) => ({ id: p.id, name: p.name, odds: `${percent(p.weight)} · 剩 ${p.stock}` })),
              { id: NO_PRIZE, name: '谢谢参与', odds: percent(draw.noPrizeWeight) },
            ].map((cell) => (
              <View
                key={cell.id}
                id={`cell-${draw.id}-${cell.id}`}
                className={`lottery__cell ${spinning?.id === draw.id && lit === cell.id ? 'lottery__cell--lit' : ''}`}
              >
                <Text className="lottery__cell-name">{cell.name}</Text>
                <Text className="lottery__cell-odds">{cell.odds}</Text>
              </View>
            ))}
          </View>
          <Button
            id={`try-${draw.id}`}
            type="primary"
            block
            loading={lottery.drawing || !landed}
            disabled={lottery.balance < draw.costPoints}
            onClick={() => void lottery.tryDraw(draw.id)}
          >
            {lottery.balance < draw.costPoints ? `需要 ${draw.costPoints} 积分` : `抽一次 · ${draw.costPoints} 积分`}
          </Button>
        </View>
      ))}
      <ErrorLine message={lottery.error} onRetry={() => void lottery.load()} />
    </View>
  );
}

export default observer(Lottery);
