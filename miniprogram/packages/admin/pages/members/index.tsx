import { Input, Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { observer } from 'mobx-react-lite';
import { useState } from 'react';
import { SEGMENTS, type SegmentKey } from '../../../../../cloudfunctions/core/activity';
import { ErrorLine } from '../../../../components/ErrorLine';
import { store } from '../../../../stores';
import type { MemberFilters } from '../../../../stores/ConsoleStore';
import '../../admin.css';
import { ROLE_NAMES } from '../../../../../cloudfunctions/core/roles';

const SEGMENT_NAMES = Object.fromEntries(SEGMENTS.map((s) => [s.key, s.name])) as Record<SegmentKey, string>;
const ROLES = [
  ['moderator', '管理员'],
  ['member', '成员'],
] as const;

/** Owner and moderators: find a member by name, or list a segment, a tier or a role. */
function Members() {
  const { session, console: admin } = store;
  const { params } = useRouter();
  const [q, setQ] = useState('');
  useDidShow(() => {
    if (!session.community) void session.load();
    if (!admin.segments.length) void admin.loadHealth(30);
    void admin.search(params.segment ? { segment: params.segment as SegmentKey } : admin.filters);
  });
  const filters = admin.filters;
  const toggle = (change: MemberFilters) => void admin.search({ ...filters, ...change });
  const chip = (id: string, label: string, on: boolean, change: MemberFilters) => (
    <Text
      key={id}
      id={id}
      className={`admin-tab ${on ? 'admin-tab--on' : ''}`}
      onClick={() => toggle(on ? Object.fromEntries(Object.keys(change).map((k) => [k, undefined])) : change)}
    >
      {label}
    </Text>
  );
  return (
    <View>
      <View className="card row">
        <Input
          id="member-search"
          className="admin-input"
          style="flex: 1"
          placeholder="昵称里的字或 openid"
          value={q}
          onInput={(e) => setQ(e.detail.value)}
          onConfirm={() => void admin.search({ ...filters, q })}
        />
        <Button id="member-search-button" size="small" type="primary" onClick={() => void admin.search({ ...filters, q })}>
          搜索
        </Button>
      </View>
      <View className="admin-tabs" style="flex-wrap: wrap; gap: 8px">
        {SEGMENTS.map((s) =>
          chip(`segment-${s.key}`, `${s.name} ${admin.segments.find((x) => x.key === s.key)?.members ?? ''}`, filters.segment === s.key, {
            segment: s.key,
          }),
        )}
      </View>
      <View className="admin-tabs" style="flex-wrap: wrap; gap: 8px">
        {ROLES.map(([role, label]) => chip(`role-${role}`, label, filters.role === role, { role }))}
        {(session.community?.rules.tiers ?? []).map((t) => chip(`tier-${t.name}`, t.name, filters.tier === t.name, { tier: t.name }))}
      </View>
      <View className="card">
        {admin.members.length === 0 && !admin.loading && (
          <Text id="members-empty" className="muted">
            没有符合条件的成员
          </Text>
        )}
        {admin.members.map((m) => (
          <View
            key={m.openid}
            id={`member-${m.openid}`}
            className="member-row"
            onClick={() => void Taro.navigateTo({ url: `/packages/admin/pages/member/index?openid=${encodeURIComponent(m.openid)}` })}
          >
            <View>
              <Text className="member-row__name">{m.nickname}</Text>
              {m.role !== 'member' && <Text className="member-badge">{ROLE_NAMES[m.role]}</Text>}
              {m.banned && <Text className="member-badge member-badge--banned">已禁用</Text>}
              <View className="member-row__meta">
                {m.segment
                  ? `${m.tier} · ${SEGMENT_NAMES[m.segment]} · ${m.lastActiveDay ? `最近 ${m.lastActiveDay}` : '从未活跃'}`
                  : `${m.tier} · 管理团队不计入分层`}
              </View>
            </View>
            <Text>{m.balance} 分 ›</Text>
          </View>
        ))}
        {admin.nextCursor && (
          <Button id="members-more" size="small" block disabled={admin.loading} onClick={() => void admin.loadMore()}>
            加载更多
          </Button>
        )}
      </View>
      <ErrorLine message={admin.error} />
    </View>
  );
}

export default observer(Members);
