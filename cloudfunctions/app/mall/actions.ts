import { getOrder } from './getOrder';
import type { Api } from '../../contract/api';
import { action, type ActionsOf } from '../kernel/dispatch';
import { cancelOrder } from './cancelOrder';
import { fulfilOrder } from './fulfilOrder';
import { listDraws } from './listDraws';
import { listItems } from './listItems';
import { listOrders } from './listOrders';
import { loadCodes } from './loadCodes';
import { payOrder } from './payOrder';
import { setShipping } from './setShipping';
import { redeemItem } from './redeemItem';
import { tryDraw } from './tryDraw';
import { upsertDraw } from './upsertDraw';
import { upsertItem } from './upsertItem';
import { pickupsWaiting, verifyPickup } from './verifyPickup';
import {
  cancelOrderInput,
  fulfilOrderInput,
  getOrderInput,
  listDrawsInput,
  listItemsInput,
  listOrdersInput,
  loadCodesInput,
  payOrderInput,
  redeemItemInput,
  setShippingInput,
  tryDrawInput,
  upsertDrawInput,
  upsertItemInput,
  verifyPickupInput,
  pickupsWaitingInput,
} from './inputs';

/** The `mall` cloud function's actions (API.md). */
export const mallActions = {
  upsertItem: action(upsertItemInput, upsertItem),
  loadCodes: action(loadCodesInput, loadCodes),
  items: action(listItemsInput, listItems),
  redeem: action(redeemItemInput, redeemItem),
  orders: action(listOrdersInput, listOrders),
  order: action(getOrderInput, getOrder),
  fulfil: action(fulfilOrderInput, fulfilOrder),
  setShipping: action(setShippingInput, setShipping),
  cancel: action(cancelOrderInput, cancelOrder),
  verify: action(verifyPickupInput, verifyPickup),
  pickupsWaiting: action(pickupsWaitingInput, pickupsWaiting),
  upsertDraw: action(upsertDrawInput, upsertDraw),
  draws: action(listDrawsInput, listDraws),
  draw: action(tryDrawInput, tryDraw),
  pay: action(payOrderInput, payOrder),
} satisfies ActionsOf<Api['mall']>;
