import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, useReachBottom, useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { observer } from 'mobx-react-lite';
import { open } from '../../components/navigation';
import { ErrorLine } from '../../components/ErrorLine';
import { PostCard } from '../../components/PostCard';
import { store } from '../../stores';
import { statusLine, type PostsTab } from '../../stores/PostsStore';
import './index.css';

const TABS: Array<[PostsTab, string]> = [
  ['feed', '大家的经验'],
  ['mine', '我的帖子'],
];

/** Approved experience posts with likes; my own posts with their review status and the reviewer's reason. */
const REVOKE_REASON = '经管理员复查，内容不符合社群规则';

async function confirmRevoke(postId: string, points: number) {
  const { confirm } = await Taro.showModal({
    title: '下架这篇帖子？',
    content: points ? `将收回作者的 ${points} 积分，并通知作者。` : '将通知作者。',
  });
  if (!confirm) return;
  const reversed = await store.posts.revoke(postId, REVOKE_REASON);
  if (reversed !== null)
    await Taro.showToast({ title: reversed ? `已下架，收回 ${reversed} 分` : '已下架', icon: 'none' }).catch(() => undefined);
}

function Feed() {
  const { posts, session } = store;
  const { params } = useRouter();
  useDidShow(() => void posts.show(params.tab === 'mine' ? 'mine' : posts.tab));
  useReachBottom(() => void (posts.hasMore && posts.load(true)));
  const rule = session.community?.rules.post;
  return (
    <View className="feed">
      <View className="card row feed__compose">
        <View>
          <Text className="feed__compose-title">分享你的使用经验</Text>
          <Text className="muted">{rule ? `审核通过得 ${rule.minPoints}–${rule.maxPoints} 积分` : ''}</Text>
        </View>
        <Button
          id="compose-button"
          type="primary"
          shape="round"
          size="small"
          onClick={() => void Taro.navigateTo({ url: '/packages/posts/pages/compose/index' })}
        >
          写经验帖
        </Button>
      </View>
      <View className="card row" id="qa-link-feed" onClick={() => void Taro.navigateTo({ url: '/packages/qa/pages/index/index' })}>
        <View>
          <Text className="feed__compose-title">问答</Text>
          <Text className="muted">
            {session.community ? `有问题问大家，回答被采纳得 ${session.community.rules.answer.acceptedPoints} 积分` : ''}
          </Text>
        </View>
        <Text className="muted">去看看 ›</Text>
      </View>
      <View className="feed__tabs">
        {TABS.map(([tab, label]) => (
          <Text
            key={tab}
            id={`tab-${tab}`}
            className={`feed__tab ${posts.tab === tab ? 'feed__tab--on' : ''}`}
            onClick={() => void posts.show(tab)}
          >
            {label}
          </Text>
        ))}
      </View>
      {posts.tab === 'mine' && posts.submittedNote && (
        <View className="card feed__submitted" id="submitted">
          <Text>{posts.submittedNote}</Text>
        </View>
      )}
      {posts.shown.length === 0 && !posts.loading && (
        <View className="card muted">{posts.tab === 'feed' ? '还没有经验帖，来写第一篇吧' : '你还没有发过帖子'}</View>
      )}
      {posts.shown.map((post) => (
        <PostCard key={post.id} post={post} timezone={session.community?.timezone}>
          {posts.tab === 'feed' ? (
            <View className="row post__footer">
              <Text className="muted">{post.likes} 人觉得有用</Text>
              <Text
                id={`comments-${post.id}`}
                className="post__comments"
                onClick={() => void open(`/packages/posts/pages/thread/index?postId=${post.id}`)}
              >
                评论{post.comments ? ` ${post.comments}` : ''}
              </Text>
              {session.isStaff && (
                <Text id={`revoke-${post.id}`} className="post__revoke" onClick={() => void confirmRevoke(post.id, post.points)}>
                  下架
                </Text>
              )}
              {/* Nobody likes their own post (the server refuses it): the button is not there to tap. */}
              {post.author.openid !== store.points.me?.openid && (
                <Text
                  id={`like-${post.id}`}
                  className={`post__like ${post.likedByMe ? 'post__like--on' : ''}`}
                  onClick={() => void posts.like(post.id)}
                >
                  {post.likedByMe ? '已赞' : '赞 有用'}
                </Text>
              )}
            </View>
          ) : (
            <View className="post__footer">
              <Text id={`status-${post.id}`} className={`post__status post__status--${post.status}`}>
                {statusLine(post)}
              </Text>
              {post.noPoints && <Text className="muted feed__no-points">{post.noPoints.message}</Text>}
            </View>
          )}
        </PostCard>
      ))}
      {posts.hasMore && <View className="muted feed__more">上拉加载更多</View>}
      <ErrorLine message={posts.error} onRetry={posts.retryable ? () => void posts.load() : undefined} />
    </View>
  );
}

export default observer(Feed);
