import { FUNCTIONS, type FunctionName } from './actions';
import { dispatch } from './kernel/dispatch';

/** Each cloud function's dispatcher, ready for a platform entry or the local runtime. */
export const HANDLERS = Object.fromEntries(Object.entries(FUNCTIONS).map(([name, actions]) => [name, dispatch(actions)])) as Record<
  FunctionName,
  ReturnType<typeof dispatch>
>;
