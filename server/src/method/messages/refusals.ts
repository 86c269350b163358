/**
 * Why acct will not write a file, said in the user's language: the safe-write room (which
 * imports nothing of the project) gives the reason and the names, the CLI and the extension say it.
 */
import type { Texts } from './texts.js';

/** A refusal as the safe-write room reports it (`UnsafeTargetError`). */
export interface Refusal {
    readonly message: string;
    readonly reason?:
        'acct-file' | 'names-folder' | 'is-folder' | 'leads-to-plan' | 'socket' | 'not-plan' | 'not-regular-plan' | 'linked-plan' | 'plan-changed';
    readonly target: string;
    readonly what: string;
    readonly real: string;
}

export function refusalText(refusal: Refusal, texts: Texts): string {
    const { target, what, real } = refusal;
    switch (refusal.reason) {
        case 'acct-file':
            return texts.t('write.acctFile', { target, what });
        case 'names-folder':
            return texts.t('write.namesFolder', { target, what });
        case 'is-folder':
            return texts.t('write.isFolder', { target, what });
        case 'leads-to-plan':
            return texts.t('write.leadsToPlan', { target, real });
        case 'socket':
            return texts.t('write.socket', { target, what });
        case 'not-plan':
            return texts.t('write.notPlan', { target });
        case 'not-regular-plan':
            return texts.t('write.notRegularPlan', { target });
        case 'linked-plan':
            return texts.t('write.linkedPlan', { target });
        case 'plan-changed':
            return texts.t('write.planChanged', { target });
        default:
            return refusal.message;
    }
}
