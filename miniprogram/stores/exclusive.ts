import { runInAction } from 'mobx';
import { messageOf } from './errors';

/** A store that runs one staff action at a time and shows the last failure. */
export interface ExclusiveState {
  busy: boolean;
  error: string | null;
}

/** Runs `work` unless another action of `state` is under way; failures become the message shown. */
export async function exclusively(state: ExclusiveState, communityId: string | null, work: (communityId: string) => Promise<void>): Promise<boolean> {
  if (!communityId || state.busy) return false;
  runInAction(() => (state.busy = true));
  try {
    await work(communityId);
    runInAction(() => (state.error = null));
    return true;
  } catch (error) {
    runInAction(() => (state.error = messageOf(error)));
    return false;
  } finally {
    runInAction(() => (state.busy = false));
  }
}
