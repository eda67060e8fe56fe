import { Input, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { observer } from 'mobx-react-lite';
import { useState } from 'react';
import { ErrorLine } from '../../../../components/ErrorLine';
import { store } from '../../../../stores';
import '../../qa.css';
import { QA_LIMITS } from '../../../../../cloudfunctions/core/limits';

/** Asking: a one-line question and the details that help people answer. */
function Ask() {
  const { qa } = store;
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');

  async function submit() {
    const id = await qa.ask(title, body);
    if (id) await Taro.redirectTo({ url: `/packages/qa/pages/question/index?id=${id}` });
  }

  return (
    <View>
      <View className="card">
        <Text className="qa__label">问题</Text>
        <Input
          id="question-title"
          className="qa__input"
          placeholder="一句话说清问题"
          maxlength={QA_LIMITS.title}
          value={title}
          onInput={(e) => setTitle(e.detail.value)}
        />
        <Text className="qa__label">补充说明</Text>
        <Textarea
          id="question-body"
          className="qa__textarea"
          placeholder="补充情况：年龄、用了什么、试过什么……"
          maxlength={QA_LIMITS.body}
          value={body}
          onInput={(e) => setBody(e.detail.value)}
        />
        {(!title.trim() || !body.trim()) && (
          <Text className="muted">{!title.trim() ? '写下问题后就能发布' : '再补充一点情况，大家才好回答'}</Text>
        )}
      </View>
      <View className="qa__submit">
        <Button
          id="submit-question"
          type="primary"
          block
          loading={qa.busy}
          disabled={!title.trim() || !body.trim()}
          onClick={() => void submit()}
        >
          发布问题
        </Button>
      </View>
      <ErrorLine message={qa.error} />
    </View>
  );
}

export default observer(Ask);
