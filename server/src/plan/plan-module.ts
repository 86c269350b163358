/** The plan room's services: the plan builder that every consumer of the computed plan asks. */
import type { Module } from 'langium';
import type { AcctLanguageServices } from '../language/acct-language-services.js';
import { AcctPlanBuilder } from './plan-builder.js';

export type AcctPlanAddedServices = {
    plan: {
        PlanBuilder: AcctPlanBuilder;
    };
};

export const AcctPlanModule: Module<AcctLanguageServices & AcctPlanAddedServices, AcctPlanAddedServices> = {
    plan: {
        PlanBuilder: (services) => new AcctPlanBuilder(services),
    },
};
