import { Text, Textarea, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { observer } from 'mobx-react-lite';
import { useState } from 'react';
import { ErrorLine } from '../../../../components/ErrorLine';
import { WornName } from '../../../../components/WornName';
import { requestSubscriptions } from '../../../../device/subscription';
import { meaningfulLength, MIN_MEANINGFUL_LENGTH } from '../../../../../cloudfunctions/core/content';
import { store } from '../../../../stores';
import { formatTime } from '../../../../stores/format';
import '../../qa.css';
import { QA_LIMITS } from '../../../../../cloudfunctions/core/limits';

/** One question: its answers (the accepted one first), answering, and accepting one. */
/** Accepting is final and pays the answerer: asked once. */
async function confirmAccept(answerId: string, author: string) {
  const { confirm } = await Taro.showModal({ title: `采纳「${author}」的回答？`, content: '采纳后不能更改，回答者会获得积分。' });
  if (confirm) await store.qa.accept(answerId);
}

function Question() {
  const { qa, session } = store;
  const { params } = useRouter();
  const [draft, setDraft] = useState('');
  useDidShow(() => void (params.id && qa.open(params.id)));
  const question = qa.question?.id === params.id ? qa.question : null;
  const tz = session.community?.timezone;
  if (!question) return <ErrorLine message={qa.error} />;

  return (
    <View>
      <View className="card">
        <Text className="qa__title">{question.title}</Text>
        {question.status === 'held' && <Text className="post__flag">审核中，仅你和管理员可见</Text>}
        <Text className="qa__body">{question.body}</Text>
        <Text className="muted">
          <WornName nickname={question.author.nickname} worn={question.author.worn} /> · {formatTime(question.createdAt, tz)}
        </Text>
      </View>
      {qa.notice && (
        <Text className="qa__notice" id="qa-notice">
          {qa.notice}
        </Text>
      )}
      {qa.answers.map((answer) => (
        <View key={answer.id} id={`answer-${answer.id}`} className={`card ${answer.accepted ? 'qa__accepted' : ''}`}>
          <View className="row">
            <WornName className="post__author" nickname={answer.author.nickname} worn={answer.author.worn} />
            {answer.accepted && <Text className="qa__solved">✓ 已采纳{answer.awarded ? ` +${answer.awarded}` : ''}</Text>}
            {answer.status === 'held' && <Text className="post__flag">审核中</Text>}
          </View>
          <Text className="qa__body">{answer.body}</Text>
          <View className="row">
            <Text className="muted">{formatTime(answer.createdAt, tz)}</Text>
            {answer.canAccept && (
              <Button
                id={`accept-${answer.id}`}
                size="small"
                type="primary"
                disabled={qa.busy}
                onClick={() => void confirmAccept(answer.id, answer.author.nickname)}
              >
                采纳
              </Button>
            )}
          </View>
        </View>
      ))}
      {qa.answers.length === 0 && <View className="card muted">还没有回答，说说你的经验吧</View>}
      <View className="card">
        <Textarea
          id="answer-body"
          className="qa__textarea"
          placeholder="写下你的经验或建议"
          maxlength={QA_LIMITS.answer}
          value={draft}
          onInput={(e) => setDraft(e.detail.value)}
        />
        {draft.trim() !== '' && meaningfulLength(draft) < MIN_MEANINGFUL_LENGTH.answer && (
          <Text id="answer-hint" className="field-error">
            再写几个字：有效内容至少 {MIN_MEANINGFUL_LENGTH.answer} 字，被采纳才能得积分
          </Text>
        )}
        <Button
          id="submit-answer"
          type="primary"
          block
          loading={qa.busy}
          disabled={!draft.trim()}
          onClick={() =>
            void requestSubscriptions(['reviewResult'])
              .then(() => qa.answer(draft))
              .then((ok) => ok && setDraft(''))
          }
        >
          回答
        </Button>
      </View>
      <ErrorLine message={qa.error} />
    </View>
  );
}

export default observer(Question);
