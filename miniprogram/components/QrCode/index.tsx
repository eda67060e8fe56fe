import { Image } from '@tarojs/components';
import qrcode from 'qrcode-generator';
import { useMemo } from 'react';

/** `text` as a QR image: a data URL the weapp's Image and a browser both show, drawn without a canvas. */
export function QrCode({ id, text, className }: { id: string; text: string; className?: string }) {
  const src = useMemo(() => {
    const qr = qrcode(0, 'M');
    qr.addData(text);
    qr.make();
    return qr.createDataURL(6, 2);
  }, [text]);
  return <Image id={id} className={className} src={src} />;
}
