import { Text, View } from '@tarojs/components';
import type { Badge } from '../../../cloudfunctions/contract/api';
import './index.css';

/** The badge wall: earned badges lit, the rest grey with how far along they are. */
export function BadgeWall({ badges, id = 'badge-wall' }: { badges: Badge[]; id?: string }) {
  return (
    <View id={id} className="badge-wall">
      {badges.map((badge) => (
        <View
          key={badge.key}
          id={`badge-${badge.key}`}
          className={`badge-wall__badge ${badge.earnedAt ? 'badge-wall__badge--earned' : ''}`}
        >
          <Text className="badge-wall__icon">{badge.earnedAt ? '★' : '☆'}</Text>
          <Text className="badge-wall__name">{badge.name}</Text>
          <Text className="badge-wall__progress">{badge.earnedAt ? '已获得' : `${badge.progress.current}/${badge.progress.target}`}</Text>
        </View>
      ))}
    </View>
  );
}
