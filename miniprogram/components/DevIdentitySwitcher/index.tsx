import { Text, View } from '@tarojs/components';
import { observer } from 'mobx-react-lite';
import type { DevIdentityStore } from '../../stores/DevIdentityStore';
import './index.css';

/** The role beside a demo person's name (their nickname is just a name, as a member's would be). */
const ROLE_LABEL: Record<string, string> = { owner: '群主', moderator: '管理员' };

/** Local H5 only: act as the demo owner, moderator or a member. */
export const DevIdentitySwitcher = observer(function DevIdentitySwitcher({
  identity,
  onChange,
}: {
  identity: DevIdentityStore;
  onChange: () => void;
}) {
  if (!identity.people.length) return null;
  return (
    <View className="dev-switcher" id="identity-switcher">
      <Text className="dev-switcher__label">本地演示 · 当前身份</Text>
      <View className="dev-switcher__people">
        {identity.people.map((person) => (
          <View
            key={person.openid}
            id={`identity-${person.openid}`}
            className={`dev-switcher__person ${person.openid === identity.openid ? 'dev-switcher__person--active' : ''}`}
            onClick={() => {
              identity.choose(person.openid);
              onChange();
            }}
          >
            {person.nickname}
            {ROLE_LABEL[person.role] ? ` · ${ROLE_LABEL[person.role]}` : ''}
          </View>
        ))}
      </View>
    </View>
  );
});
