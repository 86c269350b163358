import type { PlanView } from '../../server/src/contract/index.js';

/** One customer with `n` contacts in an org tree and one deal whose chain lists 12 of them. */
export function bigCustomerView(n: number, seed?: number): PlanView;
/** `n` customers spread over the tier quadrant. */
export function manyCustomersView(n: number, seed?: number): PlanView;
