/** The services the language core adds to Langium's, as the checks and the other rooms see them. */
import type { LangiumCoreServices } from 'langium';
import type { AcctSettings } from './workspace/acct-settings.js';
import type { CustomerIndex } from './validation/customer-index.js';
import type { FilePlaces } from './workspace/file-places.js';
import type { FindingPolicy } from './validation/finding-policy.js';
import type { WorkspaceFacts } from './workspace/workspace-facts.js';

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
