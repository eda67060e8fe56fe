import { Text, Textarea, View } from '@tarojs/components';
import Taro, { useLoad, useReachBottom } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { observer } from 'mobx-react-lite';
import { useState } from 'react';
import { ErrorLine } from '../../../../components/ErrorLine';
import { NoticeLine } from '../../../../components/NoticeLine';
import { WornName } from '../../../../components/WornName';
import { PostCard } from '../../../../components/PostCard';
import { store } from '../../../../stores';
import { commentProblem } from '../../../../stores/CommentsStore';
import { formatTime } from '../../../../stores/format';
import './index.css';
import { COMMENT_LIMIT } from '../../../../../cloudfunctions/core/limits';

/** A post and its comments (/packages/posts/pages/thread/index?postId=…): read them, add one, and staff take one down. */
function Thread() {
  const { session, posts, comments } = store;
  const [tried, setTried] = useState(false);
  useLoad((query: Record<string, string | undefined>) => {
    if (!session.community) void session.load();
    if (query.postId) void comments.open(query.postId);
  });
  useReachBottom(() => {
    if (comments.cursor) void comments.more();
  });
  const post = posts.shown.find((p) => p.id === comments.postId);
  const problem = tried ? commentProblem(comments.draft) : null;
  const tz = session.community?.timezone;

  async function send() {
    setTried(true);
    if (commentProblem(comments.draft)) return;
    if (await comments.send()) setTried(false);
  }

  async function remove(id: string) {
    const { confirm, content } = (await Taro.showModal({
      title: '删除这条评论？',
      content: '',
      editable: true,
      placeholderText: '删除理由（评论者会看到）',
      confirmText: '删除',
    } as never)) as { confirm: boolean; content?: string };
    if (confirm) await comments.remove(id, content?.trim() || '与帖子无关');
  }

  return (
    <View className="thread">
      {post && <PostCard post={post} timezone={tz} />}
      <View className="card" id="comments">
        <Text className="thread__title">评论 {comments.comments.length ? comments.comments.length : ''}</Text>
        {comments.comments.length === 0 && !comments.loading.pending && <Text className="muted">还没有评论，来说两句</Text>}
        {comments.comments.map((c) => (
          <View key={c.id} className="thread__comment" id={`comment-${c.id}`}>
            <View className="row">
              <WornName className="thread__who" nickname={c.nickname} worn={c.worn} />
              <Text className="muted">{formatTime(c.createdAt, tz)}</Text>
            </View>
            <Text className="thread__body">{c.body}</Text>
            {session.isStaff && (
              <Text id={`remove-${c.id}`} className="link thread__remove" onClick={() => void remove(c.id)}>
                删除
              </Text>
            )}
          </View>
        ))}
        {comments.cursor && (
          <Text id="comments-more" className="link" onClick={() => void comments.more()}>
            加载更多
          </Text>
        )}
        <ErrorLine message={comments.loading.error} onRetry={() => void comments.more()} />
      </View>
      <View className="card thread__composer">
        <Textarea
          id="comment-body"
          className="thread__input"
          value={comments.draft}
          maxlength={COMMENT_LIMIT}
          placeholder="说说你的看法（评论别人的帖子可得积分）"
          onInput={(e) => comments.setDraft(e.detail.value)}
        />
        {problem && (
          <Text id="comment-body-error" className="field-error">
            {problem}
          </Text>
        )}
        <NoticeLine id="comment-notice" message={comments.notice} />
        <ErrorLine message={comments.sending.error} />
        <Button id="comment-send" type="primary" block loading={comments.sending.pending} onClick={() => void send()}>
          发表评论
        </Button>
      </View>
    </View>
  );
}

export default observer(Thread);
