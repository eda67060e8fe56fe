import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { observer } from 'mobx-react-lite';
import type { NoticeView } from '../../../cloudfunctions/app/api';
import { ErrorLine } from '../../components/ErrorLine';
import { store } from '../../stores';
import { formatTime } from '../../stores/format';
import './index.css';

const target = (notice: NoticeView) => (notice.kind === 'answer_accepted' ? '/packages/qa/pages/index/index' : '/pages/feed/index?tab=mine');

/** Review outcomes and accepted answers, newest first; opening the page reads them. */
function Notices() {
  const { notices, session } = store;
  useDidShow(() => void notices.load().then(() => notices.markAllRead()));
  return (
    <View>
      {notices.notices.length === 0 && <View className="card muted">暂时没有消息</View>}
      {notices.notices.map((notice) => (
        <View key={notice.id} id={`notice-${notice.id}`} className={`card notice ${notice.read ? '' : 'notice--new'}`} onClick={() => void Taro.navigateTo({ url: target(notice) })}>
          <View className="row">
            <Text className="notice__title">{notice.title}</Text>
            {notice.points !== 0 && <Text className={notice.points > 0 ? 'notice__plus' : 'notice__minus'}>{notice.points > 0 ? `+${notice.points}` : notice.points}</Text>}
          </View>
          {notice.body && <Text className="notice__body">{notice.body}</Text>}
          <Text className="muted">{formatTime(notice.createdAt, session.community?.timezone)}</Text>
        </View>
      ))}
      <ErrorLine message={notices.error} />
    </View>
  );
}

export default observer(Notices);
