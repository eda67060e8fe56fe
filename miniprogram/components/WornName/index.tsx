import { Text } from '@tarojs/components';
import type { Worn } from '../../../cloudfunctions/core/wearables';
import './index.css';

/**
 * A member's name as others see it: the avatar frame they wear (a ring around their initial, where
 * the line shows no avatar) and their title (称号) beside the name.
 */
export function WornName({
  id,
  nickname,
  worn,
  className = '',
  ring = true,
}: {
  id?: string;
  nickname: string;
  worn?: Worn | null;
  className?: string;
  ring?: boolean;
}) {
  return (
    <Text {...(id ? { id } : {})} className={`worn-name ${className}`}>
      {ring && worn?.frame && <Text className={`worn-name__ring frame--${worn.frame}`}>{[...nickname][0] ?? ''}</Text>}
      <Text>{nickname}</Text>
      {worn?.title && <Text className="worn-name__title">{worn.title}</Text>}
    </Text>
  );
}
