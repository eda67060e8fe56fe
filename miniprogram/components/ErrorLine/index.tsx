import { Text, View } from '@tarojs/components';

/** A failed call, in the server's words, where the member is looking. */
export function ErrorLine({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <View className="error" id="error">
      <Text>{message}</Text>
    </View>
  );
}
