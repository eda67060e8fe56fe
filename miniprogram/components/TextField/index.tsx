import { Input, Text, View } from '@tarojs/components';

interface Props {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  placeholder?: string;
  type?: 'text' | 'number' | 'digit';
  /** What to fix, in plain Chinese, shown beside the field. */
  error?: string;
}

/** A labelled input whose label stays when it is filled, and whose problem shows beside it (`${id}-error`). */
export function TextField({ id, label, value, onInput, placeholder, type = 'text', error }: Props) {
  return (
    <View className="admin-field">
      <Text className="admin-field__label">{label}</Text>
      <Input id={id} className="admin-input" type={type} placeholder={placeholder} value={value} onInput={(e) => onInput(e.detail.value)} />
      {error && (
        <Text id={`${id}-error`} className="field-error">
          {error}
        </Text>
      )}
    </View>
  );
}
