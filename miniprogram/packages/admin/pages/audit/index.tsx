import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { observer } from 'mobx-react-lite';
import { ErrorLine } from '../../../../components/ErrorLine';
import { MoreButton } from '../../../../components/MoreButton';
import { store } from '../../../../stores';
import { AUDIT_ACTION_NAMES, AUDIT_FILTERS, describeAudit } from '../../../../stores/AuditStore';
import { formatTime } from '../../../../stores/format';
import { ROLE_NAMES } from '../../../../../cloudfunctions/core/roles';
import '../../admin.css';
import './index.css';

/** Where an event's order or member is looked at: a shipped or cancelled order's own page, else the member's. */
const linkOf = (event: { action: string; target: string; member: string | null }): string | null => {
  if (event.action === 'mall.fulfil' || event.action === 'mall.cancel')
    return `/packages/mall/pages/order/index?id=${encodeURIComponent(event.target)}`;
  return event.member ? `/packages/admin/pages/member/index?openid=${encodeURIComponent(event.member)}` : null;
};

/** 操作日志 (owner): who did what, to whom and when — every staff action, by action and by person. */
function Audit() {
  const { audit, session } = store;
  useDidShow(() => {
    if (!session.community) void session.load();
    void audit.load();
    void audit.loadStaff();
  });
  const tz = session.community?.timezone;
  return (
    <View className="audit">
      <View className="card">
        <View className="form__chips" id="audit-kinds">
          <Text className={`admin-tab ${audit.kind === null ? 'admin-tab--on' : ''}`} onClick={() => void audit.filterBy({ kind: null })}>
            全部操作
          </Text>
          {AUDIT_FILTERS.map((kind) => (
            <Text
              key={kind}
              id={`audit-kind-${kind.replace('.', '-')}`}
              className={`admin-tab ${audit.kind === kind ? 'admin-tab--on' : ''}`}
              onClick={() => void audit.filterBy({ kind })}
            >
              {AUDIT_ACTION_NAMES[kind]}
            </Text>
          ))}
        </View>
        <View className="form__chips" id="audit-people">
          <Text className={`admin-tab ${audit.actor === null ? 'admin-tab--on' : ''}`} onClick={() => void audit.filterBy({ actor: null })}>
            所有人
          </Text>
          {audit.staff.map((person) => (
            <Text
              key={person.openid}
              id={`audit-actor-${person.openid}`}
              className={`admin-tab ${audit.actor === person.openid ? 'admin-tab--on' : ''}`}
              onClick={() => void audit.filterBy({ actor: person.openid })}
            >
              {person.nickname === ROLE_NAMES[person.role] ? person.nickname : `${person.nickname}（${ROLE_NAMES[person.role]}）`}
            </Text>
          ))}
        </View>
      </View>
      <ErrorLine message={audit.request.error} />
      <View className="card" id="audit-events">
        {audit.events.length === 0 && <Text className="muted">{audit.request.pending ? '加载中…' : '还没有这样的操作记录'}</Text>}
        {audit.events.map((event) => {
          const link = linkOf(event);
          return (
            <View key={event.id} id={`audit-${event.id}`} className="audit-row" onClick={() => link && void Taro.navigateTo({ url: link })}>
              <View className="row">
                <Text className="audit-row__who">{event.actorName ?? event.actor}</Text>
                <Text className="muted">{formatTime(event.at, tz)}</Text>
              </View>
              <Text className="audit-row__what">
                {describeAudit(event)}
                {link ? ' ›' : ''}
              </Text>
            </View>
          );
        })}
      </View>
      <MoreButton id="audit-more" list={audit} />
    </View>
  );
}

export default observer(Audit);
