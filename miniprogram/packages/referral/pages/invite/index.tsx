import { Canvas, Text, View } from '@tarojs/components';
import Taro, { useDidShow, useLoad, useShareAppMessage } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { observer } from 'mobx-react-lite';
import { useEffect } from 'react';
import { ErrorLine } from '../../../../components/ErrorLine';
import { MoreButton } from '../../../../components/MoreButton';
import { store } from '../../../../stores';
import { formatTime } from '../../../../stores/format';
import { REFERRAL_STATUS_TEXT } from '../../../../stores/ReferralStore';
import { saveToAlbum } from '../../../../device/album';
import { drawPoster, POSTER, posterScale } from './poster';
import './index.css';

const CANVAS_ID = 'invite-poster';
const isWeapp = process.env.TARO_ENV === 'weapp';
/** The link a friend opens: the mini-program page in WeChat, the same page of this H5 app locally. */
const linkTo = (path: string) => (isWeapp ? path : `${location.origin}${location.pathname}#${path}`);

/** My invite code, the share card, a poster to save, and the friends I invited with where each stands. */
function Invite() {
  const { referral, session, points } = store;
  useLoad(() => {
    if (isWeapp) void Taro.showShareMenu({ withShareTicket: true, menus: ['shareAppMessage'] } as never).catch(() => undefined);
  });
  useDidShow(() => {
    if (!session.community) void session.load();
    if (!points.me) void points.load();
    void referral.load();
  });
  useShareAppMessage(() => ({
    title: `${points.me?.nickname ?? '我'}邀请你加入「${session.community?.name ?? ''}」`,
    path: referral.path ?? '/pages/home/index',
  }));
  const rule = session.community?.rules.referral;
  const ready = Boolean(referral.inviteCode && referral.path && session.community && points.me);
  useEffect(() => {
    if (!ready) return;
    void drawPoster(CANVAS_ID, {
      community: session.community!.name,
      inviter: points.me!.nickname,
      inviteePoints: rule?.inviteePoints ?? 0,
      inviteCode: referral.inviteCode!,
      codeImage: referral.codeImage,
      link: linkTo(referral.path!),
    }).catch(() => undefined);
  }, [ready, referral.inviteCode, referral.codeImage]);

  async function savePoster() {
    // At the screen's pixel ratio, so the saved poster is as sharp as the phone shows it.
    const ratio = Taro.getSystemInfoSync().pixelRatio || 1;
    const { tempFilePath } = await Taro.canvasToTempFilePath({
      canvasId: CANVAS_ID,
      destWidth: POSTER.width * ratio,
      destHeight: POSTER.height * ratio,
    });
    if (isWeapp) {
      const saved = await saveToAlbum(tempFilePath);
      if (saved === 'saved') await Taro.showToast({ title: '已保存到相册', icon: 'success' });
      if (saved === 'denied') await Taro.showToast({ title: '没有相册权限，海报未保存', icon: 'none' });
    } else {
      await Taro.previewImage({ urls: [tempFilePath] });
    }
  }

  return (
    <View>
      <View className="card invite">
        <Text className="invite__title">邀请好友加入「{session.community?.name}」</Text>
        {rule && (
          <Text className="muted invite__rule">
            好友加入并完成首次签到：你得 {rule.inviterPoints} 分，好友得 {rule.inviteePoints} 分（每天最多 {rule.dailyCap} 位计分）
          </Text>
        )}
        <Text className="muted">我的邀请码</Text>
        <Text className="invite__code" id="invite-code">
          {referral.inviteCode ?? '…'}
        </Text>
        {isWeapp ? (
          <Button id="share-button" type="primary" block openType="share">
            分享到微信群
          </Button>
        ) : (
          referral.path && (
            <View>
              <Text className="invite__link" id="invite-link">
                {linkTo(referral.path)}
              </Text>
              <Button id="copy-link" type="primary" block onClick={() => void Taro.setClipboardData({ data: linkTo(referral.path!) })}>
                复制邀请链接
              </Button>
            </View>
          )
        )}
      </View>

      <View className="card invite__poster">
        <Canvas
          canvasId={CANVAS_ID}
          id={CANVAS_ID}
          style={`width: ${POSTER.width}px; height: ${POSTER.height}px;`}
          // The bitmap's size (H5 reads these; WeChat sizes its canvas by the pixel ratio itself).
          {...({ width: String(POSTER.width * posterScale()), height: String(POSTER.height * posterScale()) } as object)}
        />
        <Button id="save-poster" block disabled={!ready} onClick={() => void savePoster().catch(() => undefined)}>
          {isWeapp ? '保存海报到相册' : '查看海报'}
        </Button>
      </View>

      <View className="card">
        <View className="row">
          <Text className="invite__section">我邀请的好友</Text>
          <Text className="muted" id="referral-summary">
            已奖励 {referral.summary.rewarded} 位 · 共得 {referral.summary.pointsEarned} 分
          </Text>
        </View>
        {referral.referrals.length === 0 && <Text className="muted">还没有邀请记录，分享给群里的朋友吧</Text>}
        {referral.referrals.map((r) => (
          <View key={r.openid} className="row invite__row" id={`referral-${r.openid}`}>
            <View>
              <Text className="invite__name">{r.nickname}</Text>
              <Text className="muted"> {formatTime(r.createdAt, session.community?.timezone)}</Text>
              {r.reason && <Text className="invite__reason">{r.reason}</Text>}
            </View>
            <Text className={`invite__status invite__status--${r.status}`}>
              {REFERRAL_STATUS_TEXT[r.status]}
              {r.inviterPoints ? ` +${r.inviterPoints}` : r.capped ? '（今日已达上限）' : ''}
            </Text>
          </View>
        ))}
        <MoreButton id="referrals-more" list={referral.list} />
      </View>
      <ErrorLine message={referral.error} />
    </View>
  );
}

export default observer(Invite);
