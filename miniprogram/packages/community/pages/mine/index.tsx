import { Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { observer } from 'mobx-react-lite';
import { ROLE_NAMES } from '../../../../../cloudfunctions/core/roles';
import { ErrorLine } from '../../../../components/ErrorLine';
import { open, replaceWith } from '../../../../components/navigation';
import { store } from '../../../../stores';
import './index.css';

/** 我的社群: every community I belong to, with my role, points and unread notices; a tap switches. */
function MyCommunities() {
  const { session } = store;
  useDidShow(() => void session.loadCommunities());
  return (
    <View className="my-communities">
      {session.communities.map((c) => (
        <View
          key={c.id}
          id={`community-${c.id}`}
          className={`card my-community ${c.id === session.communityId ? 'my-community--on' : ''}`}
          onClick={() => void session.switchTo(c.id).then(() => replaceWith('/pages/home/index'))}
        >
          <View className="row">
            <Text className="my-community__name">{c.name}</Text>
            {c.unread > 0 && <Text className="my-community__unread">{c.unread > 99 ? '99+' : c.unread}</Text>}
          </View>
          <Text className="muted">
            {ROLE_NAMES[c.role]} · {c.balance} 积分{c.id === session.communityId ? ' · 当前' : ''}
          </Text>
        </View>
      ))}
      {!session.loading && session.communities.length === 0 && (
        <View className="card muted">你还没有加入社群：从群里的小程序卡片进入，或者创建一个。</View>
      )}
      <View className="card">
        <Text id="go-create" className="link" onClick={() => void open('/packages/community/pages/create/index')}>
          ＋ 创建新社群
        </Text>
      </View>
      <ErrorLine message={session.error} onRetry={() => void session.loadCommunities()} />
    </View>
  );
}

export default observer(MyCommunities);
