import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect } from 'react';

/**
 * A failed call, in the server's words, where the person is looking: a toast the moment it
 * happens (the button tapped may be screens above this line), and the line itself, with a retry
 * only where trying again can help. One pattern on every page.
 */
export function ErrorLine({ message, onRetry }: { message: string | null; onRetry?: () => void }) {
  useEffect(() => {
    if (message) void Taro.showToast({ title: message, icon: 'none', duration: 3000 });
  }, [message]);
  if (!message) return null;
  return (
    <View className="error" id="error">
      <Text>{message}</Text>
      {onRetry && (
        <Text id="retry" className="link" style="margin-left: 16px" onClick={onRetry}>
          重试
        </Text>
      )}
    </View>
  );
}
