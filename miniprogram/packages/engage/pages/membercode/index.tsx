import { Text, View } from '@tarojs/components';
import { useDidHide, useDidShow } from '@tarojs/taro';
import { observer } from 'mobx-react-lite';
import { useEffect, useState } from 'react';
import { ErrorLine } from '../../../../components/ErrorLine';
import { QrCode } from '../../../../components/QrCode';
import { store } from '../../../../stores';
import './index.css';

/**
 * 会员码: shown at the counter or the door; staff scan it to credit a purchase (or an attendance).
 * It names this member for two minutes and is replaced before it lapses, so a screenshot is soon
 * worthless; the page keeps it fresh while it is open.
 */
function MemberCode() {
  const { memberCode, session, points } = store;
  const [now, setNow] = useState(Date.now());
  const [visible, setVisible] = useState(true);
  useDidShow(() => {
    setVisible(true);
    if (!session.community) void session.load();
    if (!points.me) void points.load();
    void memberCode.refresh();
  });
  useDidHide(() => setVisible(false));
  useEffect(() => {
    if (!visible) return undefined;
    const timer = setInterval(() => {
      setNow(Date.now());
      if (memberCode.due(Date.now())) void memberCode.refresh();
    }, 1000);
    return () => clearInterval(timer);
  }, [visible]);
  const left = memberCode.secondsLeft(now);
  return (
    <View className="member-code">
      <View className="card member-code__card">
        <Text className="member-code__name">{points.me?.nickname ?? ''}</Text>
        <Text className="muted">
          {session.community?.name ?? ''} · {points.me?.tier.name ?? ''}
        </Text>
        {memberCode.code ? (
          <QrCode id="member-code-qr" className="member-code__qr" text={memberCode.code} />
        ) : (
          <View className="member-code__qr member-code__qr--empty" />
        )}
        <Text id="member-code-left" className="muted">
          {left > 0 ? `${left} 秒后自动刷新` : '正在刷新…'}
        </Text>
        <Text id="member-code-text" className="member-code__text" userSelect>
          {memberCode.code ?? ''}
        </Text>
        <Text className="muted">购物结账、参加活动时出示给店员或管理员扫码，积分自动到账</Text>
      </View>
      <ErrorLine message={memberCode.request.error} onRetry={() => void memberCode.refresh()} />
    </View>
  );
}

export default observer(MemberCode);
