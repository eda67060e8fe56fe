import { Image, Text, Textarea, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { observer } from 'mobx-react-lite';
import { useState } from 'react';
import type { ItemView } from '../../../../../cloudfunctions/contract/api';
import { ErrorLine } from '../../../../components/ErrorLine';
import { NoticeLine } from '../../../../components/NoticeLine';
import { store } from '../../../../stores';
import { yuan } from '../../../../stores/format';
import { emptyRewardForm, rewardFormOf, rewardOf, rewardProblems, type RewardForm } from '../../../../stores/MallAdminStore';
import { DateTimeField } from '../../../../components/DateTimeField';
import { TextField } from '../../../../components/TextField';
import {
  FRAME_LOOKS,
  TITLE_MAX_CHARS,
  isWearableKind,
  lookName,
  wearDuration,
  type FrameLook,
} from '../../../../../cloudfunctions/core/wearables';
import '../../admin.css';
import './index.css';

const KINDS = [
  ['physical', '实物'],
  ['coupon', '优惠券'],
  ['service', '名额/服务'],
  ['title', '称号'],
  ['frame', '头像框'],
] as const;

/** The owner stocks the mall: create or edit a reward (checked before sending, flash windows with pickers), load coupon codes. */
function AdminItems() {
  const { mallAdmin: admin, session } = store;
  const tz = session.community?.timezone ?? 'Asia/Shanghai';
  const today = store.today;
  const [form, setForm] = useState<RewardForm>(() => emptyRewardForm(today));
  const [tried, setTried] = useState(false);
  const [codes, setCodes] = useState<Record<string, string>>({});
  useDidShow(() => {
    admin.clearNotice();
    void admin.loadItems();
  });
  const problems = tried ? rewardProblems(form, tz) : {};

  const edit = (item: ItemView) => {
    setForm(rewardFormOf(item, tz, today));
    setTried(false);
  };
  const reset = () => {
    setForm(emptyRewardForm(today));
    setTried(false);
  };
  const save = async () => {
    setTried(true);
    if (Object.keys(rewardProblems(form, tz)).length) return;
    if (await admin.saveItem(rewardOf(form, tz))) reset();
  };
  const field = (
    key: 'name' | 'description' | 'category' | 'pointsPrice' | 'cashPrice' | 'stock' | 'perMemberLimit',
    label: string,
    hint: string,
    type: 'text' | 'number' | 'digit' = 'text',
  ) => (
    <TextField
      id={`form-${key}`}
      label={label}
      type={type}
      placeholder={hint}
      value={form[key]}
      onInput={(value) => setForm({ ...form, [key]: value })}
      error={problems[key]}
    />
  );

  // Stocking the mall is the owner's (the server refuses anyone else); a moderator who types the address is told, not shown a form.
  if (session.role !== 'owner') return <View className="card muted">只有群主可以上架和编辑奖品</View>;
  return (
    <View>
      <View className="card">
        <Text className="form__title">{form.id ? '编辑奖品' : '上架新奖品'}</Text>
        {field('name', '奖品名称', '例如 护手霜试用装')}
        {field('description', '介绍（可选）', '一句话介绍')}
        {field('category', '分类（可选，商城按分类筛选）', '例如 个护、课程、优惠券')}
        {admin.categories.length > 0 && (
          <View className="form__chips" id="form-categories">
            {admin.categories.map((name) => (
              <Text
                key={name}
                className={`admin-tab ${form.category === name ? 'admin-tab--on' : ''}`}
                onClick={() => setForm({ ...form, category: form.category === name ? '' : name })}
              >
                {name}
              </Text>
            ))}
          </View>
        )}
        <View className="form__chips">
          {form.images.map((src) => (
            <Image
              key={src}
              className="form__thumb"
              src={src}
              mode="aspectFill"
              onClick={() => setForm({ ...form, images: form.images.filter((s) => s !== src) })}
            />
          ))}
          {form.images.length < 9 && (
            <Text
              id="add-image"
              className="admin-tab"
              onClick={() => void admin.uploadImage().then((src) => src && setForm((f) => ({ ...f, images: [...f.images, src] })))}
            >
              ＋ 添加图片
            </Text>
          )}
        </View>
        <View className="form__chips">
          {KINDS.map(([value, label]) => (
            <Text
              key={value}
              id={`kind-${value}`}
              className={`admin-tab ${form.kind === value ? 'admin-tab--on' : ''}`}
              onClick={() => !form.id && setForm({ ...form, kind: value })}
            >
              {label}
            </Text>
          ))}
        </View>
        {form.kind === 'title' && (
          <TextField
            id="form-look"
            label={`称号文字（最多 ${TITLE_MAX_CHARS} 个字，显示在昵称旁）`}
            placeholder="例如 读书达人"
            value={form.look}
            onInput={(value) => setForm({ ...form, look: value })}
            error={problems.look}
          />
        )}
        {form.kind === 'frame' && (
          <View className="form__chips" id="form-look">
            {(Object.entries(FRAME_LOOKS) as Array<[FrameLook, string]>).map(([look, name]) => (
              <Text
                key={look}
                id={`look-${look}`}
                className={`admin-tab ${form.look === look ? 'admin-tab--on' : ''}`}
                onClick={() => setForm({ ...form, look })}
              >
                <Text className={`form__frame frame--${look}`} /> {name}
              </Text>
            ))}
            {problems.look && (
              <Text id="form-look-error" className="field-error">
                {problems.look}
              </Text>
            )}
          </View>
        )}
        {isWearableKind(form.kind) && (
          <TextField
            id="form-wearDays"
            label="佩戴天数（可选）"
            type="number"
            placeholder="永久就留空，例如 30"
            value={form.wearDays}
            onInput={(value) => setForm({ ...form, wearDays: value })}
            error={problems.wearDays}
          />
        )}
        {field('pointsPrice', '兑换所需积分', '例如 120', 'number')}
        {form.kind === 'physical' && field('cashPrice', '加现金（元，可选：积分+现金，微信支付）', '不加就留空，例如 59.9', 'digit')}
        {field('stock', form.kind === 'coupon' ? '库存（= 导入的券码数）' : '库存', '例如 20', 'number')}
        {field('perMemberLimit', '每人限兑（可选）', '不限就留空', 'number')}
        <View className="form__chips">
          {['', ...(session.community?.rules.tiers.map((t) => t.name) ?? [])].map((tier) => (
            <Text
              key={tier || 'all'}
              className={`admin-tab ${form.minTier === tier ? 'admin-tab--on' : ''}`}
              onClick={() => setForm({ ...form, minTier: tier })}
            >
              {tier ? `${tier}及以上` : '所有等级'}
            </Text>
          ))}
        </View>
        <View className="form__chips">
          <Text
            id="form-flash"
            className={`admin-tab ${form.flash ? 'admin-tab--on' : ''}`}
            onClick={() => setForm({ ...form, flash: !form.flash })}
          >
            {form.flash ? '限时兑换：开' : '限时兑换：关'}
          </Text>
        </View>
        {form.flash && (
          <>
            <DateTimeField
              id="form-start"
              label="开始"
              date={form.startDate}
              time={form.startTime}
              onDate={(v) => setForm({ ...form, startDate: v })}
              onTime={(v) => setForm({ ...form, startTime: v })}
              error={problems.start}
            />
            <DateTimeField
              id="form-end"
              label="结束"
              date={form.endDate}
              time={form.endTime}
              onDate={(v) => setForm({ ...form, endDate: v })}
              onTime={(v) => setForm({ ...form, endTime: v })}
              error={problems.end}
            />
          </>
        )}
        <View className="row admin-buttons">
          {form.id && (
            <Button size="small" onClick={reset}>
              取消编辑
            </Button>
          )}
          <Button id="save-item" type="primary" size="small" disabled={admin.busy} onClick={() => void save()}>
            保存
          </Button>
        </View>
      </View>
      <NoticeLine message={admin.notice} />
      <ErrorLine message={admin.error} />
      {admin.items.map((item) => (
        <View className="card" key={item.id} id={`admin-item-${item.id}`}>
          <View className="row">
            <Text className="order__name">
              {item.name}
              {!item.active && <Text className="item-off"> 已下架</Text>}
            </Text>
            <View className="row item-actions">
              <Text id={`shelf-${item.id}`} className="link" onClick={() => void admin.setOnShelf(item, tz, today, !item.active)}>
                {item.active ? '下架' : '上架'}
              </Text>
              <Text className="muted" onClick={() => edit(item)}>
                编辑 ›
              </Text>
            </View>
          </View>
          <Text className="muted order__meta">
            {item.pointsPrice} 积分{item.cashPrice ? ` + ¥${yuan(item.cashPrice)}` : ''} · 库存 {item.stock}
            {item.minTier ? ` · ${item.minTier}及以上` : ''}
            {item.wear && isWearableKind(item.kind) ? ` · ${lookName(item.kind, item.wear.look)} ${wearDuration(item.wear.days)}` : ''}
            {item.active ? '' : ' · 已下架'}
          </Text>
          {item.kind === 'coupon' && (
            <View className="admin-actions">
              <Textarea
                className="admin-input form__codes"
                placeholder="粘贴券码，每行一个"
                value={codes[item.id] ?? ''}
                onInput={(e) => setCodes({ ...codes, [item.id]: e.detail.value })}
              />
              <View className="row admin-buttons">
                <Button
                  size="small"
                  disabled={admin.busy || !codes[item.id]}
                  onClick={() => void admin.loadCodes(item.id, codes[item.id]).then((ok) => ok && setCodes({ ...codes, [item.id]: '' }))}
                >
                  导入券码
                </Button>
              </View>
            </View>
          )}
        </View>
      ))}
    </View>
  );
}

export default observer(AdminItems);
