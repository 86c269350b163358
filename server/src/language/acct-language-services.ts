/** The services the language core adds to Langium's, as the checks and the other rooms see them. */
import type { LangiumCoreServices } from 'langium';
import type { AcctSettings } from './acct-settings.js';
import type { CustomerIndex } from './customer-index.js';
import type { FilePlaces } from './file-places.js';
import type { FindingPolicy } from './finding-policy.js';
import type { WorkspaceFacts } from './workspace-facts.js';

export type AcctLanguageAddedServices = {
    validation: {
        CustomerIndex: CustomerIndex;
        FindingPolicy: FindingPolicy;
    };
    workspace: {
        AcctSettings: AcctSettings;
        FilePlaces: FilePlaces;
        WorkspaceFacts: WorkspaceFacts;
    };
};

export type AcctLanguageServices = LangiumCoreServices & AcctLanguageAddedServices;
