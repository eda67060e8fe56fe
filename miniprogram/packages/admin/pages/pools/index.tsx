import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { observer } from 'mobx-react-lite';
import { useState } from 'react';
import { DateTimeField } from '../../../../components/DateTimeField';
import { ErrorLine } from '../../../../components/ErrorLine';
import { NoticeLine } from '../../../../components/NoticeLine';
import { PoolCard } from '../../../../components/PoolCard';
import { TextField } from '../../../../components/TextField';
import { store } from '../../../../stores';
import { isoToLocal } from '../../../../stores/format';
import { donationProblems, type DonationForm } from '../../../../stores/PoolsStore';
import '../../admin.css';
import './index.css';

/** The owner opens a donation pool (积分捐赠): a cause, a goal in points, an end; members give from the pools page. */
function DonationPools() {
  const { pools, session } = store;
  const tz = session.community?.timezone ?? 'Asia/Shanghai';
  const inAWeek = isoToLocal(new Date(Date.now() + 7 * 86_400_000).toISOString(), tz).split(' ')[0];
  const blank: DonationForm = { name: '', description: '', goalPoints: '', endDate: inAWeek, endTime: '22:00' };
  const [form, setForm] = useState<DonationForm>(blank);
  const [tried, setTried] = useState(false);
  useDidShow(() => {
    if (!session.community) void session.load();
    void pools.load();
  });
  const problems = tried ? donationProblems(form, new Date(), tz) : {};

  const save = async () => {
    setTried(true);
    if (Object.keys(donationProblems(form, new Date(), tz)).length) return;
    if (await pools.createDonation(form, tz)) {
      setForm(blank);
      setTried(false);
    }
  };
  const list = pools.pools.map((pool) => (
    <PoolCard
      key={pool.id}
      pool={pool}
      tz={tz}
      onOpen={() => void Taro.navigateTo({ url: `/packages/mall/pages/pool/index?id=${pool.id}` })}
    />
  ));
  // Opening a donation is the owner's: a moderator reaching this page by a link reads the pools, not the form.
  if (session.role !== 'owner') {
    return (
      <View>
        <View className="card muted" id="donation-owner-only">
          只有群主可以发起积分捐赠
        </View>
        {list}
      </View>
    );
  }
  return (
    <View>
      <View className="card">
        <Text className="form__title">发起积分捐赠</Text>
        <Text className="muted">成员捐出的积分用于公益（例如按积分折算捐款），不再退回；凑齐目标或到结束时间就关闭。</Text>
        <TextField
          id="donation-name"
          label="名称"
          placeholder="例如 山区图书角"
          value={form.name}
          onInput={(name) => setForm({ ...form, name })}
          error={problems.name}
        />
        <TextField
          id="donation-description"
          label="说明（可选）"
          placeholder="积分怎么用、何时公布结果"
          value={form.description}
          onInput={(description) => setForm({ ...form, description })}
          error={problems.description}
        />
        <TextField
          id="donation-goal"
          label="目标积分"
          type="number"
          placeholder="例如 5000"
          value={form.goalPoints}
          onInput={(goalPoints) => setForm({ ...form, goalPoints })}
          error={problems.goalPoints}
        />
        <DateTimeField
          id="donation-end"
          label="结束时间"
          date={form.endDate}
          time={form.endTime}
          onDate={(endDate) => setForm({ ...form, endDate })}
          onTime={(endTime) => setForm({ ...form, endTime })}
          error={problems.endDate}
        />
        <View className="row admin-buttons">
          <Button id="donation-save" type="primary" size="small" disabled={pools.busy} onClick={() => void save()}>
            发起
          </Button>
        </View>
      </View>
      <NoticeLine message={pools.notice} />
      <ErrorLine message={pools.error} />
      {list}
    </View>
  );
}

export default observer(DonationPools);
