import { Image, Input, Text, Textarea, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { observer } from 'mobx-react-lite';
import { useState } from 'react';
import type { ItemView } from '../../../../../cloudfunctions/app/api';
import { ErrorLine } from '../../../../components/ErrorLine';
import { store } from '../../../../stores';
import { isoToLocal, localToIso } from '../../../../stores/format';
import '../../admin.css';
import './index.css';

const KINDS = [
  ['physical', '实物'],
  ['coupon', '优惠券'],
  ['service', '名额/服务'],
] as const;

type Form = { id?: string; images: string[]; name: string; description: string; kind: 'physical' | 'coupon' | 'service'; pointsPrice: string; stock: string; perMemberLimit: string; minTier: string; startsAt: string; endsAt: string };
const EMPTY: Form = { images: [], name: '', description: '', kind: 'physical', pointsPrice: '', stock: '', perMemberLimit: '', minTier: '', startsAt: '', endsAt: '' };

/** The owner stocks the mall: create or edit a reward, load coupon codes. */
function AdminItems() {
  const { mallAdmin: admin, session } = store;
  const tz = session.community?.timezone;
  const [form, setForm] = useState<Form>(EMPTY);
  const [codes, setCodes] = useState<Record<string, string>>({});
  useDidShow(() => void admin.loadItems());

  const edit = (item: ItemView) =>
    setForm({
      id: item.id,
      images: item.images,
      name: item.name,
      description: item.description,
      kind: item.kind,
      pointsPrice: String(item.pointsPrice),
      stock: String(item.stock),
      perMemberLimit: item.perMemberLimit ? String(item.perMemberLimit) : '',
      minTier: item.minTier ?? '',
      startsAt: isoToLocal(item.startsAt, tz),
      endsAt: isoToLocal(item.endsAt, tz),
    });
  const save = async () => {
    const saved = await admin.saveItem({
      id: form.id,
      name: form.name,
      images: form.images,
      description: form.description,
      kind: form.kind,
      pointsPrice: Number(form.pointsPrice),
      stock: Number(form.stock),
      perMemberLimit: form.perMemberLimit ? Number(form.perMemberLimit) : null,
      minTier: form.minTier || null,
      startsAt: form.startsAt ? (localToIso(form.startsAt, tz) ?? form.startsAt) : null,
      endsAt: form.endsAt ? (localToIso(form.endsAt, tz) ?? form.endsAt) : null,
    });
    if (saved) setForm(EMPTY);
  };
  const input = (key: keyof Form, placeholder: string, type: 'text' | 'number' = 'text') => (
    <Input id={`form-${key}`} className="admin-input form__input" type={type} placeholder={placeholder} value={String(form[key] ?? '')} onInput={(e) => setForm({ ...form, [key]: e.detail.value })} />
  );

  return (
    <View>
      <View className="card">
        <Text className="form__title">{form.id ? '编辑奖品' : '上架新奖品'}</Text>
        {input('name', '奖品名称，如：护手霜试用装')}
        {input('description', '一句话介绍（可选）')}
        <View className="form__chips">
          {form.images.map((src) => (
            <Image key={src} className="form__thumb" src={src} mode="aspectFill" onClick={() => setForm({ ...form, images: form.images.filter((s) => s !== src) })} />
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
            <Text key={value} id={`kind-${value}`} className={`admin-tab ${form.kind === value ? 'admin-tab--on' : ''}`} onClick={() => !form.id && setForm({ ...form, kind: value })}>
              {label}
            </Text>
          ))}
        </View>
        {input('pointsPrice', '兑换所需积分', 'number')}
        {input('stock', form.kind === 'coupon' ? '库存（= 导入的券码数）' : '库存', 'number')}
        {input('perMemberLimit', '每人限兑（可选）', 'number')}
        <View className="form__chips">
          {['', ...(session.community?.rules.tiers.map((t) => t.name) ?? [])].map((tier) => (
            <Text key={tier || 'all'} className={`admin-tab ${form.minTier === tier ? 'admin-tab--on' : ''}`} onClick={() => setForm({ ...form, minTier: tier })}>
              {tier ? `${tier}及以上` : '所有等级'}
            </Text>
          ))}
        </View>
        {input('startsAt', '限时开始，如 2026-12-01 20:00（可选）')}
        {input('endsAt', '限时结束（可选）')}
        <View className="row admin-buttons">
          {form.id && (
            <Button size="small" onClick={() => setForm(EMPTY)}>
              取消编辑
            </Button>
          )}
          <Button id="save-item" type="primary" size="small" disabled={admin.busy} onClick={() => void save()}>
            保存
          </Button>
        </View>
      </View>
      {admin.notice && <Text className="admin-notice">{admin.notice}</Text>}
      <ErrorLine message={admin.error} />
      {admin.items.map((item) => (
        <View className="card" key={item.id} id={`admin-item-${item.id}`}>
          <View className="row">
            <Text className="order__name">{item.name}</Text>
            <Text className="muted" onClick={() => edit(item)}>
              编辑 ›
            </Text>
          </View>
          <Text className="muted order__meta">
            {item.pointsPrice} 积分 · 库存 {item.stock}
            {item.minTier ? ` · ${item.minTier}及以上` : ''}
            {item.active ? '' : ' · 已下架'}
          </Text>
          {item.kind === 'coupon' && (
            <View className="admin-actions">
              <Textarea className="admin-input form__codes" placeholder="粘贴券码，每行一个" value={codes[item.id] ?? ''} onInput={(e) => setCodes({ ...codes, [item.id]: e.detail.value })} />
              <View className="row admin-buttons">
                <Button size="small" disabled={admin.busy || !codes[item.id]} onClick={() => void admin.loadCodes(item.id, codes[item.id]).then((ok) => ok && setCodes({ ...codes, [item.id]: '' }))}>
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
