import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import type { ShippingForm } from '../../stores/MallStore';
import './index.css';

interface Props {
  /** Names the inputs: `${id}-name`, `${id}-phone`, `${id}-address`. */
  id: string;
  form: ShippingForm;
  onChange: (form: ShippingForm) => void;
  problems: Partial<Record<keyof ShippingForm, string>>;
}

const FIELDS: Array<[keyof ShippingForm, string, string]> = [
  ['name', '收件人', '姓名'],
  ['phone', '手机号', '11 位手机号'],
  ['address', '收货地址', '省市区和详细地址'],
];

/** A postal address: from WeChat's address book in one tap, or typed; each label stays above its field, each problem beside it. */
export function ShippingFields({ id, form, onChange, problems }: Props) {
  const fromWeChat = async () => {
    const picked = await Taro.chooseAddress().catch((error: { errMsg?: string }) => {
      // Closing the address book is a choice; anything else (a privacy refusal, an old client) is told, and typing still works.
      if (!/cancel/.test(error?.errMsg ?? '')) void Taro.showToast({ title: '读取微信地址失败，请手动填写', icon: 'none' });
      return null;
    });
    if (picked)
      onChange({
        name: picked.userName,
        phone: picked.telNumber,
        address: `${picked.provinceName}${picked.cityName}${picked.countyName}${picked.detailInfo}`,
      });
  };
  return (
    <View className="shipping">
      {process.env.TARO_ENV === 'weapp' && (
        <Button size="small" onClick={() => void fromWeChat()}>
          使用微信收货地址
        </Button>
      )}
      {FIELDS.map(([key, label, hint]) => (
        <View key={key} className="shipping__field">
          <Text className="shipping__label">{label}</Text>
          <Input
            id={`${id}-${key}`}
            className="shipping__input"
            type={key === 'phone' ? 'number' : 'text'}
            placeholder={hint}
            value={form[key]}
            onInput={(e) => onChange({ ...form, [key]: e.detail.value })}
          />
          {problems[key] && (
            <Text id={`${id}-${key}-error`} className="field-error">
              {problems[key]}
            </Text>
          )}
        </View>
      ))}
    </View>
  );
}
