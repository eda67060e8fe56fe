import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { PostView } from '../../../cloudfunctions/contract/api';
import { formatTime } from '../../stores/format';
import { ImageGrid } from '../ImageGrid';
import { WornName } from '../WornName';
import './index.css';

/** One experience post: who, when, the text and photos; below it, what the page adds (likes, status, review buttons). */
export function PostCard({ post, timezone, children }: { post: PostView; timezone?: string; children?: ReactNode }) {
  return (
    <View className="card post" id={`post-${post.id}`}>
      <View className="row">
        <WornName className="post__author" nickname={post.author.nickname} worn={post.author.worn} />
        <Text className="muted">{formatTime(post.createdAt, timezone)}</Text>
      </View>
      {post.flag && (
        <Text className="post__flag" id={`flag-${post.id}`}>
          {post.flag.source === 'image' ? '图片' : '文字'}疑似「{post.flag.label}」
        </Text>
      )}
      <Text className="post__body">{post.body}</Text>
      <ImageGrid images={post.images} />
      {children}
    </View>
  );
}
