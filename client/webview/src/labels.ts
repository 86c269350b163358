/**
 * The words of the pictures that are not the method's vocabulary: legends, group titles, notes,
 * the export's title — each read from the catalog in the views' language (`texts()`) when it is
 * drawn. The method's own terms (roles, support, tiers, zones) come from the vocabulary.
 */
import { isIssueCode } from '@acct/method';
import { texts } from './texts.js';

/** A finding's code as words for a person (`opposed-key-person` → `opposed key person`); the code stays in the tooltip. */
export function findingWords(code: string): string {
    return isIssueCode(code) ? texts().vocabulary.issues[code].title : code.replace(/-/g, ' ');
}

const t = () => texts();

export const LEGEND = {
    get title() {
        return t().t('view.legend.title');
    },
    get show() {
        return t().t('view.legend.show');
    },
    get hide() {
        return t().t('view.legend.hide');
    },
    rows: {
        get role() {
            return t().t('view.legend.role');
        },
        get support() {
            return t().t('view.legend.support');
        },
        get intimacy() {
            return t().t('view.legend.intimacy');
        },
        get lines() {
            return t().t('view.legend.lines');
        },
        get marks() {
            return t().t('view.legend.marks');
        },
        get moves() {
            return t().t('view.legend.moves');
        },
        get bones() {
            return t().t('view.legend.bones');
        },
        get score() {
            return t().t('view.legend.score');
        },
        get sandboxRows() {
            return t().t('view.legend.rows');
        },
        get tier() {
            return t().t('view.legend.tier');
        },
        get colour() {
            return t().t('view.legend.colour');
        },
        get zones() {
            return t().t('view.legend.zones');
        },
        get cells() {
            return t().t('view.legend.cells');
        },
    },
    intimacyBar: (low: string, high: string): string => t().t('view.legend.intimacyBar', { low, high }),
    get reportsTo() {
        return t().t('view.legend.reportsTo');
    },
    get influences() {
        return t().t('view.legend.influences');
    },
    get opposedInfluence() {
        return t().t('view.legend.opposedInfluence');
    },
    severity: {
        get warning() {
            return t().t('view.legend.severity.warning');
        },
        get error() {
            return t().t('view.legend.severity.error');
        },
        get info() {
            return t().t('view.legend.severity.info');
        },
    },
    get findings() {
        return t().t('view.legend.findings');
    },
    get stale() {
        return t().t('view.legend.stale');
    },
    get dimmed() {
        return t().t('view.legend.dimmed');
    },
    get folded() {
        return t().t('view.legend.folded');
    },
    get context() {
        return t().t('view.legend.context');
    },
    get competitor() {
        return t().t('view.legend.competitor');
    },
    get moves() {
        return t().t('view.legend.threeMoves');
    },
    get bonesNote() {
        return t().t('view.legend.spine');
    },
    get pick() {
        return t().t('view.legend.pick');
    },
    get unscored() {
        return t().t('view.legend.unscored');
    },
    get mismatch() {
        return t().t('view.legend.mismatch');
    },
    get noTier() {
        return t().t('view.legend.noTier');
    },
    get region() {
        return t().t('view.legend.region');
    },
    get dot() {
        return t().t('view.legend.dot');
    },
    get group() {
        return t().t('view.legend.group');
    },
    get roleInDot() {
        return t().t('view.legend.letter');
    },
    get neutralRow() {
        return t().t('view.legend.neutralRow');
    },
    get unknownLane() {
        return t().t('view.legend.unknownLane');
    },
    get dealDiffers() {
        return t().t('view.legend.dealDiffers');
    },
};

/** The power map's group titles and header line, which count the same contacts. */
export const POWER_MAP = {
    keyLayer: (n: number): string => t().t('view.power.group.key', { count: n }),
    generalLayer: (n: number): string => t().t('view.power.group.general', { count: n }),
    keyForDeal: (n: number, inChain: number): string => t().t('view.power.group.keyForDeal', { count: n, inChain }),
    generalForDeal: (n: number, inChain: number): string =>
        inChain ? t().t('view.power.group.generalForDealInChain', { count: n, inChain }) : t().t('view.power.group.generalForDeal', { count: n }),
    chainHeader: (chain: number, total: number): string => t().t('view.power.chain', { chain, count: total }),
    chainFolded: (chain: number, total: number, folded: number): string => t().t('view.power.chainFolded', { chain, count: total, folded }),
    foldNote: (n: number): string => t().t('view.power.fold.note', { count: n }),
    foldTip: (n: number): string => t().t('view.power.fold.tip', { count: n }),
};

/** Intimacy × support with a deal shown: the chart plots each person's own support, the deal may say otherwise. */
export const INTIMACY = {
    get ownSupport() {
        return t().t('view.intimacy.ownSupport');
    },
    dealTag: (support: string): string => t().t('view.intimacy.dealTag', { support }),
    differs: (deal: string, support: string, own: string): string => t().t('view.intimacy.differs', { deal, support, own }),
    differsNote: (n: number, deal: string): string => t().t('view.intimacy.differsNote', { count: n, deal }),
    noneDiffers: (deal: string): string => t().t('view.intimacy.noneDiffers', { deal }),
    get emptyLane() {
        return t().t('view.none');
    },
};

/** The title an exported picture carries: what, of what, as of when. */
export function exportTitle(view: string, heading: string, today: string | null): string {
    return `${heading.startsWith(view) ? heading : `${heading} — ${view}`}${today ? `, ${today}` : ''}`;
}
