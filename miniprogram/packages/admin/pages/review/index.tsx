import { Input, Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { observer } from 'mobx-react-lite';
import { useState } from 'react';
import { ErrorLine } from '../../../../components/ErrorLine';
import { PostCard } from '../../../../components/PostCard';
import { store } from '../../../../stores';
import { REJECT_REASONS } from '../../../../stores/ReviewStore';
import '../../admin.css';
import './index.css';

/** Owner and moderators: approve a post with points in the range, or reject it with a reason — a tap or two each. */
function Review() {
  const { review, session } = store;
  const [reasons, setReasons] = useState<Record<string, string>>({});
  useDidShow(() => {
    // Opened straight from a notice or a subscription message, the rules may not be loaded yet.
    if (!session.community) void session.load();
    review.clearNotice();
    void review.load();
  });
  return (
    <View>
      <View className="card row">
        <Text className="review__count" id="review-count">
          待审核 {review.count} 篇
        </Text>
        <Text className="muted">最早提交的在前</Text>
      </View>
      {review.notice && (
        <Text className="admin-notice" id="review-notice">
          {review.notice}
        </Text>
      )}
      {review.loaded && !review.error && review.posts.length === 0 && <View className="card muted">都审完了，辛苦啦</View>}
      {review.posts.map((post) => (
        <PostCard key={post.id} post={post} timezone={session.community?.timezone}>
          {post.noPoints && <Text className="review__warning">{post.noPoints.message}</Text>}
          <View className="review__points">
            {review.pointChoices.map((points) => (
              <Text
                key={points}
                id={`points-${post.id}-${points}`}
                className={`review__chip ${review.pointsFor(post.id) === points ? 'review__chip--on' : ''}`}
                onClick={() => review.choose(post.id, points)}
              >
                {points} 分
              </Text>
            ))}
          </View>
          <Button id={`approve-${post.id}`} type="primary" block disabled={review.busy} onClick={() => void review.approve(post.id)}>
            通过{post.noPoints ? '（不计分）' : `并奖励 ${review.pointsFor(post.id)} 分`}
          </Button>
          <View className="review__reasons">
            {REJECT_REASONS.map((reason, i) => (
              <Text
                key={reason}
                id={`reason-chip-${post.id}-${i}`}
                className={`review__chip ${reasons[post.id] === reason ? 'review__chip--on' : ''}`}
                onClick={() => setReasons({ ...reasons, [post.id]: reason })}
              >
                {reason}
              </Text>
            ))}
          </View>
          <View className="row review__reject">
            <Input
              id={`reason-${post.id}`}
              className="admin-input review__reason"
              placeholder="驳回理由（作者会看到）"
              value={reasons[post.id] ?? ''}
              onInput={(e) => setReasons({ ...reasons, [post.id]: e.detail.value })}
            />
            <Button
              id={`reject-${post.id}`}
              size="small"
              disabled={review.busy || !reasons[post.id]?.trim()}
              onClick={() => void review.reject(post.id, reasons[post.id])}
            >
              驳回
            </Button>
          </View>
        </PostCard>
      ))}
      {review.answers.length > 0 && <Text className="review__section">待审核的回答</Text>}
      {review.answers.map((answer) => (
        <View key={answer.id} className="card" id={`held-${answer.id}`}>
          <View className="row">
            <Text className="post__author">{answer.author.nickname}</Text>
            {answer.flag && <Text className="post__flag">疑似「{answer.flag.label}」</Text>}
          </View>
          <Text className="post__body">{answer.body}</Text>
          <View className="row review__reject">
            <Button
              id={`release-${answer.id}`}
              type="primary"
              size="small"
              disabled={review.busy}
              onClick={() => void review.moderateAnswer(answer.id, 'release')}
            >
              放行
            </Button>
            <Button
              id={`remove-${answer.id}`}
              size="small"
              disabled={review.busy}
              onClick={() => void review.moderateAnswer(answer.id, 'remove')}
            >
              删除
            </Button>
          </View>
        </View>
      ))}
      <ErrorLine message={review.error} />
    </View>
  );
}

export default observer(Review);
