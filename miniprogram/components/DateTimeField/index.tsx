import { Picker, Text, View } from '@tarojs/components';

interface Props {
  /** Names the pickers: `${id}-date`, `${id}-time`. */
  id: string;
  label: string;
  date: string;
  time: string;
  onDate: (date: string) => void;
  onTime: (time: string) => void;
  error?: string;
}

/** A moment on the community's clock, picked as a date and a time: nobody types an ISO string. */
export function DateTimeField({ id, label, date, time, onDate, onTime, error }: Props) {
  return (
    <View className="admin-field">
      <Text className="admin-field__label">{label}</Text>
      <View className="row" style="gap: 12px">
        <Picker mode="date" value={date} onChange={(e) => onDate(String(e.detail.value))}>
          <View id={`${id}-date`} className="admin-input">
            {date || '选择日期'}
          </View>
        </Picker>
        <Picker mode="time" value={time} onChange={(e) => onTime(String(e.detail.value))}>
          <View id={`${id}-time`} className="admin-input">
            {time || '选择时间'}
          </View>
        </Picker>
      </View>
      {error && (
        <Text id={`${id}-error`} className="field-error">
          {error}
        </Text>
      )}
    </View>
  );
}
