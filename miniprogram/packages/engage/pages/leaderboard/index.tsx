import { Image, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { observer } from 'mobx-react-lite';
import { ErrorLine } from '../../../../components/ErrorLine';
import { WornName } from '../../../../components/WornName';
import { store } from '../../../../stores';
import { PERIOD_NAMES, type Period } from '../../../../stores/LeaderboardStore';
import '../../engage.css';

const PERIODS = Object.keys(PERIOD_NAMES) as Period[];

/** The leaderboard by points earned in the week, the month or ever; ties share a rank; my place below; a row opens that member's profile (badges, 送积分). */
function Leaderboard() {
  const { session, leaderboard } = store;
  useDidShow(() => void leaderboard.load());
  const board = leaderboard.board;
  const myOpenid = store.points.me?.openid ?? store.mine.me?.openid;
  return (
    <View>
      <View className="board-tabs">
        {PERIODS.map((period) => (
          <Text
            key={period}
            id={`board-${period}`}
            className={`board-tab ${leaderboard.period === period ? 'board-tab--on' : ''}`}
            onClick={() => void leaderboard.load(period)}
          >
            {PERIOD_NAMES[period]}
          </Text>
        ))}
      </View>
      <View className="card" id="board">
        {!board && leaderboard.pending && <Text className="muted">加载中…</Text>}
        {leaderboard.empty && (
          <Text className="muted" id="board-empty">
            {PERIOD_NAMES[leaderboard.period]}还没有人上榜，签到一下就能上榜
          </Text>
        )}
        {board?.rows.map((row) => (
          <View
            key={row.openid}
            id={`board-row-${row.openid}`}
            className={`board-row ${row.openid === myOpenid ? 'board-row--me' : ''}`}
            onClick={() =>
              void Taro.navigateTo({
                url: `/packages/engage/pages/profile/index?openid=${encodeURIComponent(row.openid)}&nickname=${encodeURIComponent(row.nickname)}`,
              })
            }
          >
            <Text className={`board-rank ${row.rank <= 3 ? `board-rank--top board-rank--${row.rank}` : ''}`}>{row.rank}</Text>
            {row.avatar ? (
              <Image className={`board-avatar ${row.worn.frame ? `frame--${row.worn.frame}` : ''}`} src={row.avatar} mode="aspectFill" />
            ) : (
              <View className={`board-avatar ${row.worn.frame ? `frame--${row.worn.frame}` : ''}`} />
            )}
            <WornName className="board-name" nickname={row.nickname} worn={row.worn} ring={false} />
            <Text className="board-points">{row.points}</Text>
          </View>
        ))}
      </View>
      {board && (
        <View className="board-me" id="board-me">
          {board.me ? (
            <>
              <Text>我的排名：第 {board.me.rank} 名</Text>
              <Text>{board.me.points} 分</Text>
            </>
          ) : (
            <Text>{session.isStaff ? '群主和管理员不参与排名' : '你已设置不在排行榜上显示（可在「我的」里打开）'}</Text>
          )}
        </View>
      )}
      <ErrorLine message={leaderboard.error} />
    </View>
  );
}

export default observer(Leaderboard);
