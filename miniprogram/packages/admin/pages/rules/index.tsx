import { Input, Text, Textarea, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { observer } from 'mobx-react-lite';
import { ErrorLine } from '../../../../components/ErrorLine';
import { NoticeLine } from '../../../../components/NoticeLine';
import { store } from '../../../../stores';
import { formatTime } from '../../../../stores/format';
import { describeChange, groupOf, RETENTION_MODES, RULE_FIELDS, RULE_GROUPS } from '../../../../stores/RulesStore';
import { TEMPLATES, TEMPLATE_KEYS } from '../../../../../cloudfunctions/core/templates';
import '../../admin.css';

const fieldId = (key: string) => `rule-${key.replace('.', '-')}`;

/** A tier row's parts that can be wrong, in the order they are shown. */
const TIER_PARTS = ['name', 'minPoints', 'multiplier', 'perks'] as const;

/** The owner tunes every rule: one line on what each means, checks before saving, and the history of changes. */
function RulesEditor() {
  const { session, rules } = store;
  useDidShow(() => void rules.load());
  const form = rules.form;
  if (session.role !== 'owner') return <View className="card muted">只有群主可以修改规则</View>;
  if (!form)
    return (
      <View className="card muted">
        加载中…
        <ErrorLine message={rules.error} />
      </View>
    );
  const problems = rules.problems;
  const save = async () => {
    const changes = rules.review();
    if (changes === null) return;
    if (changes.length === 0) return void (await rules.save());
    const { confirm } = await Taro.showModal({
      title: `确认修改 ${changes.length} 项规则？`,
      content: `${changes.join('；\n')}。\n保存后即刻生效。`,
      confirmText: '保存',
    });
    if (confirm) await rules.save();
  };
  const group = rules.group;
  return (
    <View>
      <View className="admin-tabs rules-tabs" id="rules-groups">
        {RULE_GROUPS.map((g) => (
          <Text
            key={g.key}
            id={`rules-group-${g.key}`}
            className={`admin-tab ${group === g.key ? 'admin-tab--on' : ''}`}
            onClick={() => rules.showGroup(g.key)}
          >
            {g.name}
            {rules.problemsByGroup[g.key] ? <Text className="badge">{rules.problemsByGroup[g.key]}</Text> : null}
          </Text>
        ))}
      </View>
      {group === 'earn' && (
        <View className="card" id="rules-presets">
          <Text className="muted">从模板开始（只填入数字，确认保存后才生效）</Text>
          <View className="row admin-buttons" style="flex-wrap: wrap; gap: 12px">
            {TEMPLATE_KEYS.map((key) => (
              <Text key={key} id={`preset-${key}`} className="admin-tab" onClick={() => rules.applyTemplate(key)}>
                {TEMPLATES[key].name}
              </Text>
            ))}
          </View>
        </View>
      )}
      {group === 'earn' && (
        <View className="card row" id="purchase-toggle-card">
          <Text className="muted">购物积分：店员扫会员的「会员码」记一笔消费，按下面的比例给分</Text>
          <Text
            id="purchase-toggle"
            className={`admin-tab ${form.purchaseEnabled ? 'admin-tab--on' : ''}`}
            onClick={() => rules.setPurchaseEnabled(!form.purchaseEnabled)}
          >
            {form.purchaseEnabled ? '已开启' : '未开启'}
          </Text>
        </View>
      )}
      {group === 'tiers' && (
        <View className="card" id="rules-retention">
          <View className="row" id="retention-modes" style="gap: 12px">
            <Text className="muted">保级方式</Text>
            {RETENTION_MODES.map((mode) => (
              <Text
                key={mode.key}
                id={`retention-${mode.key}`}
                className={`admin-tab ${form.retention === mode.key ? 'admin-tab--on' : ''}`}
                onClick={() => rules.setRetention(mode.key)}
              >
                {mode.name}
              </Text>
            ))}
          </View>
          <Text className="muted">{RETENTION_MODES.find((m) => m.key === form.retention)!.help}</Text>
        </View>
      )}
      <View className="card">
        {RULE_FIELDS.filter(
          (field) => groupOf(field.key) === group && (form.retention === 'rolling' || !field.key.startsWith('tierRetention.')),
        ).map((field) => (
          <View key={field.key} className="admin-field">
            <Text className="admin-field__label">
              {field.label}（{field.unit}）· {field.help}
            </Text>
            <Input
              id={fieldId(field.key)}
              className="admin-input"
              type={field.decimals ? 'digit' : 'number'}
              value={form.values[field.key]}
              onInput={(e) => rules.set(field.key, e.detail.value)}
            />
            {problems[field.key] && (
              <Text id={`${fieldId(field.key)}-error`} className="admin-field__error">
                {problems[field.key]}
              </Text>
            )}
          </View>
        ))}
      </View>
      {group === 'tiers' && (
        <View className="card" id="rules-tiers">
          {form.tiers.map((tier, i) => (
            <View key={i} className="admin-field tier-row" id={`tier-${i}`}>
              <View className="row" style="gap: 8px">
                <Input
                  id={`tier-${i}-name`}
                  className="admin-input"
                  style="flex: 1"
                  placeholder="等级名称"
                  value={tier.name}
                  onInput={(e) => rules.setTier(i, 'name', e.detail.value)}
                />
                <Input
                  id={`tier-${i}-min`}
                  className="admin-input"
                  style="flex: 1"
                  type="number"
                  placeholder="积分门槛"
                  value={tier.minPoints}
                  onInput={(e) => rules.setTier(i, 'minPoints', e.detail.value)}
                />
                {i > 0 && (
                  <Text id={`tier-${i}-remove`} className="link" onClick={() => rules.removeTier(i)}>
                    删除
                  </Text>
                )}
              </View>
              <View className="row" style="gap: 8px">
                <Text className="admin-field__label">积分倍数</Text>
                <Input
                  id={`tier-${i}-multiplier`}
                  className="admin-input"
                  style="flex: 1"
                  type="digit"
                  placeholder="1 到 3，例如 1.2"
                  value={tier.multiplier}
                  onInput={(e) => rules.setTier(i, 'multiplier', e.detail.value)}
                />
              </View>
              <Textarea
                id={`tier-${i}-perks`}
                className="reach-textarea tier-perks"
                maxlength={200}
                placeholder={'权益，每行一条（最多 6 条），例如\n生日双倍积分'}
                value={tier.perks}
                onInput={(e) => rules.setTier(i, 'perks', e.detail.value)}
              />
              {TIER_PARTS.map(
                (part) =>
                  problems[`tier.${i}.${part}`] && (
                    <Text key={part} id={`tier-${i}-${part}-error`} className="admin-field__error">
                      {problems[`tier.${i}.${part}`]}
                    </Text>
                  ),
              )}
            </View>
          ))}
          {form.tiers.length < 10 && (
            <Text id="tier-add" className="link" onClick={() => rules.addTier()}>
              + 添加等级
            </Text>
          )}
        </View>
      )}
      <View className="card">
        <Button id="rules-save" type="primary" block disabled={rules.busy} onClick={() => void save()}>
          保存规则
        </Button>
        {Object.keys(problems).length > 0 && (
          <Text className="admin-field__error">有 {Object.keys(problems).length} 处需要修改：标了数字的分组里的红字</Text>
        )}
        <NoticeLine id="rules-notice" message={rules.notice} />
      </View>
      <View className="card">
        <Text className="muted">修改记录</Text>
        {rules.history.length === 0 && <Text className="muted">还没有改过规则</Text>}
        {rules.history.map((event) => (
          <View key={event.id} className="member-row">
            <View>
              {describeChange(event).map((line) => (
                <Text key={line} className="rules-change" style="display: block">
                  {line}
                </Text>
              ))}
              <View className="member-row__meta">{formatTime(event.at, session.community?.timezone)}</View>
            </View>
          </View>
        ))}
      </View>
      <ErrorLine message={rules.error} />
    </View>
  );
}

export default observer(RulesEditor);
