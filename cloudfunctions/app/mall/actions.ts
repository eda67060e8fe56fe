import { action, type Actions } from '../dispatch';
import { cancelOrder, cancelOrderInput } from './cancelOrder';
import { fulfilOrder, fulfilOrderInput } from './fulfilOrder';
import { listDraws, listDrawsInput } from './listDraws';
import { listItems, listItemsInput } from './listItems';
import { listOrders, listOrdersInput } from './listOrders';
import { loadCodes, loadCodesInput } from './loadCodes';
import { redeemItem, redeemItemInput } from './redeemItem';
import { tryDraw, tryDrawInput } from './tryDraw';
import { upsertDraw, upsertDrawInput } from './upsertDraw';
import { upsertItem, upsertItemInput } from './upsertItem';

/** The `mall` cloud function's actions (API.md). */
export const mallActions = {
  upsertItem: action(upsertItemInput, upsertItem),
  loadCodes: action(loadCodesInput, loadCodes),
  items: action(listItemsInput, listItems),
  redeem: action(redeemItemInput, redeemItem),
  orders: action(listOrdersInput, listOrders),
  fulfil: action(fulfilOrderInput, fulfilOrder),
  cancel: action(cancelOrderInput, cancelOrder),
  upsertDraw: action(upsertDrawInput, upsertDraw),
  draws: action(listDrawsInput, listDraws),
  draw: action(tryDrawInput, tryDraw),
} satisfies Actions;
