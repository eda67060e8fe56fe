import { Text, View } from '@tarojs/components';

/** A failed call, in the server's words, where the member is looking — and, where it can be tried again, a retry. */
export function ErrorLine({ message, onRetry }: { message: string | null; onRetry?: () => void }) {
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
