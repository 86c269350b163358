import type { AcctPlanDocument, ContactJson, CustomerJson, OpportunityJson } from '../../server/src/contract/index.js';

/** A contact named after its id in capitals, with nothing else known. */
export function contactJson(id: string, over?: Partial<ContactJson>): ContactJson;
/** An opportunity at the lead stage, named by its id, unscored. */
export function opportunityJson(id: string, over?: Partial<OpportunityJson>): OpportunityJson;
/** A customer named after its id in capitals, standing and cooperation 3 (suggested tier: value), with no elements. */
export function customerJson(id: string, over?: Partial<CustomerJson>): CustomerJson;
/** A plan of 2026-11-22 with no file, member, competitor, customer or finding. */
export function planJson(over?: Partial<AcctPlanDocument>): AcctPlanDocument;
