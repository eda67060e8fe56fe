import { Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect } from 'react';

/**
 * What an action did, where the person is looking: a toast the moment it is done (the button may
 * be screens above this line), and the line itself, kept until the next action. ErrorLine's twin.
 */
export function NoticeLine({ id, message, className = 'admin-notice' }: { id?: string; message: string | null; className?: string }) {
  useEffect(() => {
    // WeChat draws a success tick only beside a short title; a longer one is shown as text.
    if (message) void Taro.showToast({ title: message, icon: [...message].length <= 7 ? 'success' : 'none', duration: 2000 });
  }, [message]);
  if (!message) return null;
  return (
    // Taro's H5 writes id="undefined" for an id left out: only an id given is set.
    <Text {...(id ? { id } : {})} className={className}>
      {message}
    </Text>
  );
}
