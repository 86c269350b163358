/** Checks on a relationship activity: each has an owner, a date and an outcome. */
import type { ValidationAcceptor } from 'langium';
import type { Activity } from '../../generated/ast.js';
import { daysBetween, IssueCodes } from '../../../method/index.js';
import type { AcctSettings } from '../../workspace/acct-settings.js';
import { replaceValue, report } from './report.js';

export class ActivityChecks {
    constructor(private readonly settings: AcctSettings) {}

    /** 1.2 (off by default): every visit is planned with what it must achieve. */
    readonly hasObjective = (activity: Activity, accept: ValidationAcceptor): void => {
        if (activity.status !== 'planned' || activity.objective !== undefined) return;
        report(accept, {
            code: IssueCodes.AimlessActivity,
            node: activity,
            where: 'head',
            message: this.settings.texts().t('check.aimlessActivity', { activity: activity.name }),
        });
    };

    readonly notOverdue = (activity: Activity, accept: ValidationAcceptor): void => {
        if (activity.status !== 'planned' || !activity.date) return;
        const late = daysBetween(activity.date, this.settings.today());
        if (late === undefined || late <= 0) return;
        const texts = this.settings.texts();
        report(accept, {
            code: IssueCodes.OverdueActivity,
            node: activity,
            where: { property: 'date' },
            message: texts.t('check.overdueActivity', { activity: activity.name, date: activity.date, late }),
            fix: replaceValue(activity, 'status', 'done', texts.t('check.overdueActivity.fix')),
        });
    };
}
