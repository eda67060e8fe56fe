import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { PropsWithChildren } from 'react';
import type { OrderView } from '../../../cloudfunctions/contract/api';
import { formatTime, yuan } from '../../stores/format';
import { QrCode } from '../QrCode';
import { orderStatusName } from '../../../cloudfunctions/core/mall';
import './index.css';

/** Where the cash of a cancelled or late-paid order stands (WeChat Pay settles a refund a little after it is asked for). */
function refundLine(refund: NonNullable<OrderView['refund']>, staff: boolean): string {
  const amount = `¥${yuan(refund.amountFen)}`;
  if (refund.status === 'refunded') return `${amount} 已原路退回${refund.settledAt ? `（${formatTime(refund.settledAt)}）` : ''}`;
  if (refund.status === 'failed')
    return staff ? `${amount} 微信支付退款失败：请在微信支付商户平台手动退款` : `${amount} 退款未成功，群主会联系你处理`;
  return `${amount} 退款处理中，通常几分钟内原路退回`;
}

/** One order: what, how many points, where it stands, and its codes or shipping note. */
export function OrderCard({ order, showBuyer, children }: PropsWithChildren<{ order: OrderView; showBuyer?: boolean }>) {
  return (
    <View className="card order" id={`order-${order.id}`}>
      <View className="row">
        <View className="row order__what">
          {order.image && <Image className="order__image" src={order.image} mode="aspectFill" />}
          <Text className="order__name">
            {order.itemName} ×{order.quantity}
          </Text>
        </View>
        <Text className={`order__status order__status--${order.status}`}>{orderStatusName(order)}</Text>
      </View>
      <Text className="muted order__meta">
        {order.points} 积分{order.payment ? ` + ¥${yuan(order.payment.amountFen)}` : ''}
        {order.poolId ? '（众筹）' : ''} · {formatTime(order.createdAt)}
        {showBuyer ? ` · ${order.nickname}` : ''}
      </Text>
      {order.couponCodes.map((code) => (
        <View key={code} className="row order__code">
          <Text selectable>券码 {code}</Text>
          <Text id={`copy-${code}`} className="link" onClick={() => void Taro.setClipboardData({ data: code })}>
            复制
          </Text>
        </View>
      ))}
      {!showBuyer && order.pickupCode && !order.verifiedAt && order.status !== 'cancelled' && order.status !== 'unpaid' && (
        <View className="order__pickup" id={`pickup-${order.id}`}>
          <QrCode id={`pickup-qr-${order.id}`} className="order__pickup-qr" text={order.pickupCode} />
          <Text className="order__pickup-code">
            核销码 {order.pickupCode.slice(0, 4)}-{order.pickupCode.slice(4)}
          </Text>
          <Text className="muted">到店或到场时出示给店员扫码，扫过即完成</Text>
        </View>
      )}
      {order.verifiedAt && <Text className="order__line">已核销 · {formatTime(order.verifiedAt)}</Text>}
      {order.shipping && (
        <Text className="order__line" id={`shipping-${order.id}`}>
          收货：{order.shipping.name} {order.shipping.phone} {order.shipping.address}
        </Text>
      )}
      {order.delivery && (
        <View className="row order__code" id={`delivery-${order.id}`}>
          <Text selectable>
            快递：{order.delivery.courier} {order.delivery.trackingNo}
          </Text>
          <Text className="link" onClick={() => void Taro.setClipboardData({ data: order.delivery!.trackingNo })}>
            复制单号
          </Text>
        </View>
      )}
      {order.note && <Text className="order__line">备注：{order.note}</Text>}
      {order.cancelReason && (
        <Text className="order__line">
          取消原因：{order.cancelReason}（{order.poolId ? '积分退回给每位众筹参与者' : '积分已退回'}）
        </Text>
      )}
      {order.paidAfterExpiry && (
        <Text className="order__line order__late" id={`late-${order.id}`}>
          订单取消后才收到 ¥{yuan(order.payment?.amountFen ?? 0)} 付款，已自动原路退款
        </Text>
      )}
      {order.refund && (
        <Text className={`order__line ${order.refund.status === 'failed' ? 'order__late' : ''}`} id={`refund-${order.id}`}>
          {refundLine(order.refund, Boolean(showBuyer))}
        </Text>
      )}
      {children}
    </View>
  );
}
