import { Input, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { observer } from 'mobx-react-lite';
import { useState } from 'react';
import { TEMPLATES, TEMPLATE_KEYS, type TemplateKey } from '../../../../../cloudfunctions/core/templates';
import { ErrorLine } from '../../../../components/ErrorLine';
import { replaceWith } from '../../../../components/navigation';
import { store } from '../../../../stores';
import './index.css';
import { COMMUNITY_NAME_LIMIT } from '../../../../../cloudfunctions/core/limits';

/** 创建社群: a name and a template of rules (its numbers shown before choosing; editable after), and the owner lands on home. */
function CreateCommunity() {
  const { session } = store;
  const [name, setName] = useState('');
  const [template, setTemplate] = useState<TemplateKey>('general');
  // One intent, one community: a retry after a lost answer finds the same one.
  const [requestId] = useState(() => `create-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`);
  const problem = name.trim() ? (name.trim().length > 30 ? '名称最多 30 个字' : null) : '请填写社群名称';
  const [tried, setTried] = useState(false);
  const create = async () => {
    setTried(true);
    if (problem) return;
    if (await session.create(name, template, requestId)) void replaceWith('/pages/home/index');
  };
  return (
    <View className="create-community">
      <View className="card">
        <Text className="field-label">社群名称</Text>
        <Input
          id="community-name"
          className="field-input"
          placeholder="如：花园宝妈互助群"
          maxlength={COMMUNITY_NAME_LIMIT}
          value={name}
          onInput={(e) => setName(e.detail.value)}
        />
        {tried && problem && (
          <Text className="field-problem" id="community-name-problem">
            {problem}
          </Text>
        )}
      </View>
      <View className="card">
        <Text className="field-label">选一个起步模板（创建后在「规则」里随时改）</Text>
        {TEMPLATE_KEYS.map((key) => (
          <View
            key={key}
            id={`template-${key}`}
            className={`template ${template === key ? 'template--on' : ''}`}
            onClick={() => setTemplate(key)}
          >
            <Text className="template__name">{TEMPLATES[key].name}</Text>
            <Text className="template__basis muted">{TEMPLATES[key].basis}</Text>
          </View>
        ))}
      </View>
      <View className="create-community__action">
        <Button id="create-community" type="primary" block loading={session.busy} onClick={() => void create()}>
          创建并进入
        </Button>
      </View>
      <ErrorLine message={session.error} />
    </View>
  );
}

export default observer(CreateCommunity);
