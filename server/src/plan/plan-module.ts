/** The plan room's services: the plan builder that every consumer of the computed plan asks, and the plan in parts for the views. */
import type { Module } from 'langium';
import type { AcctLanguageServices } from '../language/acct-language-services.js';
import { AcctPlanBuilder } from './plan-builder.js';
import { AcctPlanParts } from './plan-parts.js';

export type AcctPlanAddedServices = {
    plan: {
        PlanBuilder: AcctPlanBuilder;
        PlanParts: AcctPlanParts;
    };
};

export const AcctPlanModule: Module<AcctLanguageServices & AcctPlanAddedServices, AcctPlanAddedServices> = {
    plan: {
        PlanBuilder: services => new AcctPlanBuilder(services),
        PlanParts: services => new AcctPlanParts(services, services.plan.PlanBuilder),
    },
};
