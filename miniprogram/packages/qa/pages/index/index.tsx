import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { observer } from 'mobx-react-lite';
import { ErrorLine } from '../../../../components/ErrorLine';
import { WornName } from '../../../../components/WornName';
import { store } from '../../../../stores';
import { formatTime } from '../../../../stores/format';
import '../../qa.css';

/** The community's questions, newest first; answered ones say so. */
function Questions() {
  const { qa, session } = store;
  useDidShow(() => void qa.loadList());
  const rule = session.community?.rules.answer;
  return (
    <View>
      <View className="card row">
        <View>
          <Text className="qa__lead">有问题，问问大家</Text>
          <Text className="muted">{rule ? `回答被采纳得 ${rule.acceptedPoints} 积分` : ''}</Text>
        </View>
        <Button
          id="ask-button"
          type="primary"
          shape="round"
          size="small"
          onClick={() => void Taro.navigateTo({ url: '/packages/qa/pages/ask/index' })}
        >
          提问
        </Button>
      </View>
      {qa.questions.length === 0 && !qa.loading && <View className="card muted">还没有问题</View>}
      {qa.questions.map((q) => (
        <View
          key={q.id}
          id={`question-${q.id}`}
          className="card"
          onClick={() => void Taro.navigateTo({ url: `/packages/qa/pages/question/index?id=${q.id}` })}
        >
          <Text className="qa__title">{q.title}</Text>
          <View className="row qa__meta">
            <Text className="muted">
              <WornName nickname={q.author.nickname} worn={q.author.worn} /> · {formatTime(q.createdAt, session.community?.timezone)}
            </Text>
            <Text className={q.acceptedAnswerId ? 'qa__solved' : 'muted'}>{q.acceptedAnswerId ? '已解决' : `${q.answers} 个回答`}</Text>
          </View>
        </View>
      ))}
      <ErrorLine message={qa.error} onRetry={() => void qa.loadList()} />
    </View>
  );
}

export default observer(Questions);
