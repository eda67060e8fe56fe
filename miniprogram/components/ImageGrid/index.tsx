import { Image, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import './index.css';

/** Up to nine photos in a grid; a tap opens them full screen. */
export function ImageGrid({ images, onRemove }: { images: string[]; onRemove?: (index: number) => void }) {
  if (!images.length) return null;
  return (
    <View className={`image-grid image-grid--${Math.min(images.length, 3)}`}>
      {images.map((src, index) => (
        <View key={`${src}-${index}`} className="image-grid__cell">
          <Image
            className="image-grid__image"
            src={src}
            mode="aspectFill"
            onClick={() => void Taro.previewImage({ urls: images, current: src }).catch(() => undefined)}
          />
          {onRemove && (
            <View className="image-grid__remove" onClick={() => onRemove(index)}>
              ×
            </View>
          )}
        </View>
      ))}
    </View>
  );
}
