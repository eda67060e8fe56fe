import './index.css';
import { Text } from '@tarojs/components';
import type { ItemView } from '../../../cloudfunctions/app/api';
import { countdown } from '../../stores/format';

/** What stands between a member and a reward, in one short label (lock, countdown, stock). */
export function ItemBadge({ item, now }: { item: ItemView; now: number }) {
  const [text, tone] = label(item, now);
  return <Text className={`item-badge item-badge--${tone}`}>{text}</Text>;
}

function label(item: ItemView, now: number): [string, 'lock' | 'wait' | 'hot' | 'off' | 'ok'] {
  if (item.locked) return [`🔒 「${item.minTier}」及以上`, 'lock'];
  if (item.status === 'upcoming' && item.startsAt) return [`距开始 ${countdown(item.startsAt, now)}`, 'wait'];
  if (item.status === 'soldOut') return ['已兑完', 'off'];
  if (item.status === 'ended') return ['已结束', 'off'];
  if (item.status === 'inactive') return ['已下架', 'off'];
  if (item.endsAt) return [`限时 ${countdown(item.endsAt, now)}`, 'hot'];
  return [item.stock <= 5 ? `仅剩 ${item.stock} 件` : `库存 ${item.stock}`, item.stock <= 5 ? 'hot' : 'ok'];
}
