import { Text, View } from '@tarojs/components';
import Taro, { useRouter, useUnload } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { cashierDone } from '../../../../device/payer';
import { yuan } from '../../../../stores/format';
import './index.css';

/**
 * The local runtime's stand-in for WeChat Pay's sheet (H5 only; the mini-program calls
 * wx.requestPayment instead): it plays the payment result with POST /dev/pay, as WeChat Pay's
 * callback would, and goes back to the checkout.
 */
export default function Cashier() {
  const { params } = useRouter();
  const orderId = params.orderId ?? '';
  const amountFen = Number(params.amountFen ?? 0);
  const [busy, setBusy] = useState(false);
  useUnload(() => cashierDone(orderId, 'cancelled'));

  const finish = async (result: 'SUCCESS' | 'FAIL' | null) => {
    setBusy(true);
    try {
      if (result)
        await Taro.request({ url: '/dev/pay', method: 'POST', data: { orderId, result }, header: { 'content-type': 'application/json' } });
      cashierDone(orderId, result === 'SUCCESS' ? 'paid' : result === 'FAIL' ? 'failed' : 'cancelled');
    } catch {
      cashierDone(orderId, 'failed');
    }
    void Taro.navigateBack();
  };
  return (
    <View className="cashier">
      <Text className="cashier__badge">本地收银台 · 模拟微信支付</Text>
      <Text className="cashier__amount" id="cashier-amount">
        ¥{yuan(amountFen)}
      </Text>
      <Text className="muted">订单 {orderId}</Text>
      <View className="cashier__actions">
        <Button id="cashier-pay" type="primary" block disabled={busy} onClick={() => void finish('SUCCESS')}>
          确认支付
        </Button>
        <Button id="cashier-fail" block disabled={busy} onClick={() => void finish('FAIL')}>
          支付失败
        </Button>
        <Text id="cashier-cancel" className="link cashier__cancel" onClick={() => void finish(null)}>
          取消
        </Text>
      </View>
    </View>
  );
}
