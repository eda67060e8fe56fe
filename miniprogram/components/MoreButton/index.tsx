import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { observer } from 'mobx-react-lite';

/** 加载更多 under a paged list, while the server has more of it. */
export const MoreButton = observer(function MoreButton({
  id,
  list,
}: {
  id: string;
  list: { hasMore: boolean; loading: boolean; loadMore(): Promise<void> };
}) {
  if (!list.hasMore) return null;
  return (
    <View style="margin: 24px">
      <Button id={id} fill="outline" size="small" block loading={list.loading} onClick={() => void list.loadMore()}>
        加载更多
      </Button>
    </View>
  );
});
