import { Button as NativeButton, Image, Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { observer } from 'mobx-react-lite';
import { useState } from 'react';
import { store } from '../../stores';
import './index.css';
import { NICKNAME_LIMIT } from '../../../cloudfunctions/core/limits';

const IN_WEAPP = process.env.TARO_ENV === 'weapp';

/**
 * Joining, with the name and face others will see: WeChat's nickname keyboard and avatar chooser
 * (a picture from the album in H5). Both may be left: the member joins as 成员xxxx and sets them
 * in 我的 later. The avatar is uploaded once the member belongs (uploads are members').
 */
export const JoinForm = observer(function JoinForm({ onJoined }: { onJoined?: () => void }) {
  const { session, mine } = store;
  const [nickname, setNickname] = useState('');
  const [avatar, setAvatar] = useState<string | null>(null);
  const pickInH5 = async () => {
    const picked = await Taro.chooseImage({ count: 1, sizeType: ['compressed'] }).catch(() => null);
    if (picked?.tempFilePaths[0]) setAvatar(picked.tempFilePaths[0]);
  };
  const join = async () => {
    if (!(await session.join(nickname.trim() || undefined))) return;
    if (avatar) await mine.chooseAvatar(avatar);
    onJoined?.();
  };
  return (
    <View className="join-form" id="join-form">
      <View className="row join-form__who">
        {IN_WEAPP ? (
          <NativeButton
            id="join-avatar"
            className="join-form__avatar"
            openType="chooseAvatar"
            onChooseAvatar={(e) => setAvatar(e.detail.avatarUrl)}
          >
            {avatar ? <Image className="join-form__avatar-img" src={avatar} mode="aspectFill" /> : <Text>头像</Text>}
          </NativeButton>
        ) : (
          <View id="join-avatar" className="join-form__avatar" onClick={() => void pickInH5()}>
            {avatar ? <Image className="join-form__avatar-img" src={avatar} mode="aspectFill" /> : <Text>头像</Text>}
          </View>
        )}
        <Input
          id="join-nickname"
          className="join-form__nickname"
          type="nickname"
          maxlength={NICKNAME_LIMIT}
          value={nickname}
          placeholder="你的昵称（可不填）"
          onInput={(e) => setNickname(e.detail.value)}
          onBlur={(e) => setNickname(e.detail.value)}
        />
      </View>
      <Text className="muted join-form__hint">群友会看到你的头像和昵称，也可以稍后在「我的」里设置</Text>
      <Button id="join-button" type="primary" block loading={session.busy} onClick={() => void join()}>
        加入社群
      </Button>
    </View>
  );
});
