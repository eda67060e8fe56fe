import { Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { MIN_MEANINGFUL_LENGTH } from '../../../../../cloudfunctions/core/content';
import { replaceWith } from '../../../../components/navigation';
import { observer } from 'mobx-react-lite';
import { ErrorLine } from '../../../../components/ErrorLine';
import { ImageGrid } from '../../../../components/ImageGrid';
import { store } from '../../../../stores';
import { requestSubscriptions } from '../../../../device/subscription';
import './index.css';
import { POST_LIMIT } from '../../../../../cloudfunctions/core/limits';

/** Writing an experience post: text and up to nine photos; it goes to the review queue. */
function Compose() {
  const { posts, session } = store;
  const rule = session.community?.rules.post;

  async function submit() {
    await requestSubscriptions(['reviewResult', 'pointsChanged']);
    if (await posts.submit()) {
      await Taro.showToast({ title: '已提交审核', icon: 'success' }).catch(() => undefined);
      // 社区 is a tab: it opens on my posts (the store says so), where this one waits for review.
      await replaceWith('/pages/feed/index');
    }
  }

  return (
    <View className="compose">
      <View className="card">
        <Textarea
          id="post-body"
          className="compose__body"
          placeholder="说说你的真实体验：用了多久、前后有什么变化、有什么建议……"
          maxlength={POST_LIMIT}
          value={posts.draft.body}
          onInput={(e) => posts.setBody(e.detail.value)}
        />
        {posts.draft.body.trim() !== '' && posts.charactersToEarn > 0 && (
          <Text id="post-hint" className="field-error">
            再写 {posts.charactersToEarn} 个字才能得积分（有效内容至少 {MIN_MEANINGFUL_LENGTH.post} 字）
          </Text>
        )}
        <ImageGrid images={posts.draft.images} onRemove={(index) => posts.removeImage(index)} />
        {posts.imagesLeft > 0 && (
          <View id="add-images" className="compose__add" onClick={() => void posts.addImages()}>
            <Text>{posts.uploading ? '上传中…' : `＋ 添加照片（还可 ${posts.imagesLeft} 张）`}</Text>
          </View>
        )}
      </View>
      <View className="card muted compose__rules">
        <Text>{rule ? `管理员审核通过后得 ${rule.minPoints}–${rule.maxPoints} 积分，每天最多 ${rule.dailyCap} 篇计分。` : ''}</Text>
        <Text>重复或过短的内容不计积分。</Text>
      </View>
      <View className="compose__submit">
        <Button id="submit-post" type="primary" block loading={posts.submitting} disabled={!posts.canSubmit} onClick={() => void submit()}>
          提交审核
        </Button>
      </View>
      <ErrorLine message={posts.error} />
    </View>
  );
}

export default observer(Compose);
