import './index.css';
import { Text } from '@tarojs/components';
import type { ItemView } from '../../../cloudfunctions/contract/api';
import { countdown } from '../../stores/format';

/** What stands between a member and a reward, in one short label (lock, countdown, stock), and how far it is when it is the points. */
export function ItemBadge({ item, now, balance }: { item: ItemView; now: number; balance?: number }) {
  const [text, tone] = label(item, now);
  const short = balance !== undefined && !item.locked && item.status === 'open' && !item.affordable ? item.pointsPrice - balance : 0;
  return (
    <>
      <Text className={`item-badge item-badge--${tone}`}>{text}</Text>
      {short > 0 && <Text className="item-badge item-badge--wait item-badge--short">还差 {short} 分</Text>}
    </>
  );
}

function label(item: ItemView, now: number): [string, 'lock' | 'wait' | 'hot' | 'off' | 'ok'] {
  if (item.locked) return [`升到「${item.minTier}」可兑`, 'lock'];
  if (item.status === 'upcoming' && item.startsAt) return [`距开始 ${countdown(item.startsAt, now)}`, 'wait'];
  if (item.status === 'soldOut') return ['已兑完', 'off'];
  if (item.status === 'ended') return ['已结束', 'off'];
  if (item.status === 'inactive') return ['已下架', 'off'];
  if (item.endsAt) return [`限时 ${countdown(item.endsAt, now)}`, 'hot'];
  return [item.stock <= 5 ? `仅剩 ${item.stock} 件` : `库存 ${item.stock}`, item.stock <= 5 ? 'hot' : 'ok'];
}
