import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, useShareAppMessage } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { observer } from 'mobx-react-lite';
import { useState } from 'react';
import { ErrorLine } from '../../../../components/ErrorLine';
import { TextField } from '../../../../components/TextField';
import { store } from '../../../../stores';
import { claimMessage, claimPath, type RowStatus } from '../../../../stores/BalancesStore';
import { formatTime } from '../../../../stores/format';
import '../../admin.css';

const STATUSES: Array<[RowStatus, string]> = [
  ['open', '待领取'],
  ['claimed', '已领取'],
];

/**
 * The owner moves a spreadsheet of points in: pick the CSV, see every problem by line, import;
 * then each row waits for its member — share its code, or give it to a member who joined without it.
 */
function Balances() {
  const { session, balances } = store;
  const [who, setWho] = useState('');
  useDidShow(() => {
    // Opened first (a deep link, a restart on this page): the role comes with the community.
    if (!session.community) void session.load();
    void balances.loadImports();
  });
  // 转发给TA: the card opens the claim page with the row's code filled in.
  useShareAppMessage((res) => {
    const row = balances.rows.find((r) => r.code === (res.target as { dataset?: { code?: string } } | undefined)?.dataset?.code);
    if (!row || !session.communityId) return { title: session.community?.name ?? '社群积分', path: '/pages/home/index' };
    return { title: `${row.name}，你原有的 ${row.points} 积分已搬家，点开领取`, path: claimPath(session.communityId, row.code) };
  });
  if (session.role !== 'owner') return <View className="card muted">只有群主可以导入期初积分</View>;
  const preview = balances.preview;

  async function confirm() {
    if (!preview) return;
    const rows = preview.rows;
    const content = `导入 ${rows} 行，共 ${preview.points} 积分${preview.problemCount ? `；跳过有问题的 ${preview.problemCount} 行` : ''}。每行生成一个领取码，成员领取后到账，每行只能领一次。`;
    const { confirm: yes } = await Taro.showModal({ title: '确认导入？', content, confirmText: '导入' });
    if (yes && (await balances.confirm())) void Taro.showToast({ title: '已导入', icon: 'success' });
  }

  async function share(row: (typeof balances.rows)[number]) {
    // In a browser the message carries the link itself; in WeChat 转发给TA sends the card.
    const link =
      process.env.TARO_ENV === 'h5' && session.communityId
        ? `\n领取链接：${window.location.origin}${window.location.pathname}#${claimPath(session.communityId, row.code)}`
        : '';
    await Taro.setClipboardData({ data: claimMessage(session.community?.name ?? '社群', row) + link });
  }

  async function match() {
    if (!balances.matching) return;
    const { confirm: yes } = await Taro.showModal({
      title: '确认给这位成员？',
      content: `把「${balances.matching.name}」的期初积分给「${who.trim()}」，到账后不能撤回。`,
      confirmText: '确认',
    });
    if (yes && (await balances.match(who))) {
      setWho('');
      void Taro.showToast({ title: '已到账', icon: 'success' });
    }
  }

  return (
    <View>
      <View className="card" id="import-card">
        <Text className="reach-title">从表格导入</Text>
        <Text className="muted">
          CSV 文件，每行：名字、积分、备注（可带表头「姓名,积分,备注」）。Excel 另存的 UTF-8 或 GBK 都可以。
          {process.env.TARO_ENV === 'weapp' ? '先把文件发到「文件传输助手」，再从聊天里选。' : ''}
        </Text>
        <Button id="import-pick" block loading={balances.previewing.pending} onClick={() => void balances.pick()}>
          {balances.file ? `换一个文件（${balances.file.name}）` : '选择 CSV 文件'}
        </Button>
        <ErrorLine message={balances.previewing.error} />
        {preview && (
          <View id="import-preview" className="reach-progress">
            <Text id="import-summary">
              可导入 {preview.rows} 行，共 {preview.points} 积分{preview.problemCount ? `；${preview.problemCount} 行有问题` : ''}
            </Text>
            {preview.problems.map((p) => (
              <Text key={p.line} className="field-error import-problem">
                第 {p.line} 行「{p.text}」：{p.problem}
              </Text>
            ))}
            {preview.problemCount > preview.problems.length && (
              <Text className="muted">还有 {preview.problemCount - preview.problems.length} 行有问题未列出</Text>
            )}
            {preview.sample.slice(0, 5).map((row) => (
              <Text key={row.line} className="muted">
                第 {row.line} 行：{row.name} {row.points} 分{row.note ? `（${row.note}）` : ''}
              </Text>
            ))}
            {preview.problemCount > 0 && preview.rows > 0 && (
              <Text
                id="import-skip"
                className={`admin-tab ${balances.skipProblems ? 'admin-tab--on' : ''}`}
                onClick={() => balances.setSkipProblems(!balances.skipProblems)}
              >
                {balances.skipProblems ? '✓ ' : ''}跳过有问题的 {preview.problemCount} 行，导入其余 {preview.rows} 行
              </Text>
            )}
            <Button
              id="import-confirm"
              type="primary"
              block
              disabled={!balances.canImport}
              loading={balances.importing.pending}
              onClick={() => void confirm()}
            >
              {preview.problemCount && !balances.skipProblems ? '先改正有问题的行，或选择跳过' : `导入 ${preview.rows} 行`}
            </Button>
            <ErrorLine message={balances.importing.error} />
          </View>
        )}
      </View>

      <View className="card" id="imports-card">
        <Text className="reach-title">导入记录</Text>
        {balances.imports.length === 0 && <Text className="muted">还没有导入过</Text>}
        {balances.imports.map((i) => (
          <View
            key={i.id}
            id={`import-${i.id}`}
            className={`import-row ${balances.openImport === i.id ? 'import-row--on' : ''}`}
            onClick={() => void balances.show(i.id, 'open')}
          >
            <Text>
              {formatTime(i.createdAt)} · {i.rows} 行 · {i.points} 积分 · 已领取 {i.claimed} / {i.rows}
              {i.status === 'writing' ? ' · 写入中' : ''}
            </Text>
          </View>
        ))}
        <ErrorLine message={balances.loading.error} />
      </View>

      {balances.openImport && (
        <View className="card" id="rows-card">
          <View className="admin-tabs" style="margin: 0">
            {STATUSES.map(([key, name]) => (
              <Text
                key={key}
                id={`rows-${key}`}
                className={`admin-tab ${balances.status === key ? 'admin-tab--on' : ''}`}
                onClick={() => void balances.show(balances.openImport!, key)}
              >
                {name}
              </Text>
            ))}
          </View>
          {balances.rows.length === 0 && <Text className="muted">{balances.status === 'open' ? '全部领取了' : '还没有人领取'}</Text>}
          {balances.rows.map((row) => (
            <View key={row.code} className="import-line" id={`row-${row.line}`}>
              <Text>
                第 {row.line} 行 · {row.name} · {row.points} 分{row.note ? ` · ${row.note}` : ''}
              </Text>
              {row.status === 'open' ? (
                <View>
                  <Text className="import-code">
                    领取码 {row.code.slice(0, 4)}-{row.code.slice(4)}
                  </Text>
                  <Text id={`share-${row.line}`} className="link" onClick={() => void share(row)}>
                    复制领取消息
                  </Text>
                  {process.env.TARO_ENV === 'weapp' && (
                    <Button id={`forward-${row.line}`} size="small" openType="share" data-code={row.code} style={{ marginLeft: '16px' }}>
                      转发给TA
                    </Button>
                  )}
                  <Text id={`match-${row.line}`} className="link" style="margin-left: 16px" onClick={() => balances.startMatch(row)}>
                    指定成员
                  </Text>
                  {balances.matching?.code === row.code && (
                    <View id="match-form">
                      <TextField id="match-who" label="成员昵称或 openid" value={who} placeholder={row.name} onInput={setWho} />
                      <Button
                        id="match-confirm"
                        type="primary"
                        size="small"
                        loading={balances.matchRequest.pending}
                        disabled={!who.trim()}
                        onClick={() => void match()}
                      >
                        给这位成员
                      </Button>
                      <Text className="link" style="margin-left: 16px" onClick={() => balances.cancelMatch()}>
                        取消
                      </Text>
                      <ErrorLine message={balances.matchRequest.error} />
                    </View>
                  )}
                </View>
              ) : (
                <Text className="muted">
                  {row.claimedBy?.nickname || row.claimedBy?.openid} {row.claimedHow === 'owner' ? '由群主指定' : '凭领取码'}领取 ·{' '}
                  {row.claimedAt ? formatTime(row.claimedAt) : ''}
                </Text>
              )}
            </View>
          ))}
          {balances.rowsCursor && (
            <Text id="rows-more" className="link" onClick={() => void balances.show(balances.openImport!, balances.status, true)}>
              加载更多
            </Text>
          )}
        </View>
      )}
    </View>
  );
}

export default observer(Balances);
