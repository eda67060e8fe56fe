import Taro from '@tarojs/taro';
import qrcode from 'qrcode-generator';

export const POSTER = { width: 300, height: 440, code: 150 };

/**
 * How many bitmap pixels a poster pixel gets. WeChat's canvas already draws at the device's pixel
 * ratio; a browser's canvas draws at 1 unless given a bigger bitmap, so H5 sizes it by
 * devicePixelRatio and scales the drawing to match: the poster is sharp on a phone's screen.
 */
export const posterScale = (): number =>
  process.env.TARO_ENV === 'h5' && typeof window !== 'undefined' ? Math.max(1, Math.round(window.devicePixelRatio || 1)) : 1;

export interface PosterContent {
  community: string;
  inviter: string;
  inviteePoints: number;
  inviteCode: string;
  /** A mini-program code image (cloud storage file ID), or null: draw a QR code of `link`. */
  codeImage: string | null;
  link: string;
}

/**
 * Waits for the canvas to be on the page: in a browser Taro's <Canvas> puts its <canvas> in a
 * moment after the page renders, and a drawing made before that goes nowhere (the poster stayed
 * blank now and then on a busy machine). WeChat's canvas is there once the page is.
 */
async function mounted(canvasId: string): Promise<void> {
  if (process.env.TARO_ENV !== 'h5') return new Promise((resolve) => Taro.nextTick(() => resolve()));
  for (let tries = 0; tries < 100 && !document.querySelector(`#${canvasId} canvas`); tries++)
    await new Promise((resolve) => setTimeout(resolve, 50));
}

/** Draws the share poster on the canvas `canvasId`: who invites, what the friend gets, and the code to scan. */
export async function drawPoster(canvasId: string, content: PosterContent): Promise<void> {
  await mounted(canvasId);
  const ctx = Taro.createCanvasContext(canvasId);
  const { width, height, code } = POSTER;
  const scale = posterScale();
  if (scale !== 1) ctx.scale(scale, scale);
  ctx.setFillStyle('#fff7ef');
  ctx.fillRect(0, 0, width, height);
  ctx.setFillStyle('#e8743b');
  ctx.fillRect(0, 0, width, 110);
  ctx.setFillStyle('#ffffff');
  ctx.setFontSize(20);
  ctx.fillText(content.community, 20, 48);
  ctx.setFontSize(14);
  ctx.fillText(`${content.inviter} 邀请你一起来`, 20, 80);
  ctx.setFillStyle('#2b2522');
  ctx.setFontSize(16);
  ctx.fillText(`加入并完成首次签到，送你 ${content.inviteePoints} 积分`, 20, 150);
  ctx.setFillStyle('#8c8079');
  ctx.setFontSize(12);
  ctx.fillText('每天签到攒积分，积分兑换好礼', 20, 176);

  const x = (width - code) / 2;
  const y = 205;
  ctx.setFillStyle('#ffffff');
  ctx.fillRect(x - 8, y - 8, code + 16, code + 16);
  if (content.codeImage) {
    const { tempFilePath } = await Taro.cloud.downloadFile({ fileID: content.codeImage });
    ctx.drawImage(tempFilePath, x, y, code, code);
  } else {
    drawQr(ctx, content.link, x, y, code);
  }
  ctx.setFillStyle('#8c8079');
  ctx.setFontSize(12);
  ctx.fillText(content.codeImage ? '长按识别小程序码' : '扫码打开邀请页', x + 28, y + code + 28);
  ctx.fillText(`邀请码 ${content.inviteCode}`, x + 22, y + code + 48);
  await new Promise<void>((resolve) => ctx.draw(false, () => resolve()));
}

function drawQr(ctx: Taro.CanvasContext, text: string, x: number, y: number, size: number): void {
  const qr = qrcode(0, 'M');
  qr.addData(text);
  qr.make();
  const count = qr.getModuleCount();
  const cell = size / count;
  ctx.setFillStyle('#2b2522');
  for (let row = 0; row < count; row++) {
    for (let col = 0; col < count; col++) {
      if (qr.isDark(row, col)) ctx.fillRect(x + col * cell, y + row * cell, Math.ceil(cell), Math.ceil(cell));
    }
  }
}
