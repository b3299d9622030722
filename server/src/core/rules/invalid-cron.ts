import { checkCron, crontabWeekdayNames } from '../schedule/cron';
import { spanInScalar, stringAt } from './support/scalar';
import type { ItemRule } from './rule';

/**
 * `cronExpression` is not validated on install (P13): the scheduler needs exactly five fields and
 * APScheduler's field syntax, and a bad one only fails in the scheduler log. A numeric day of week
 * is read with 0 = Monday (not crontab's 0 = Sunday), reported as `cron-day-of-week`.
 */
export const invalidCron: ItemRule = {
  id: 'invalid-cron',
  codes: ['invalid-cron', 'cron-day-of-week'],
  sections: ['schedules'],
  check(ctx) {
    const node = stringAt(ctx.item.node, 'cronExpression');
    if (!node || node.value.includes('${{')) return;
    const expression = node.value as string;
    const problem = checkCron(expression);
    const fields = expression.trim().split(/\s+/);
    const weekday = fields.length === 5 ? crontabWeekdayNames(fields[4]) : undefined;
    const weekdayAt = expression.lastIndexOf(fields[4] ?? '');
    if (problem) {
      const field = problem.field;
      const fix = field?.name === 'day_of_week' && weekday ? ` If you meant crontab's numbering (0 or 7 = Sunday), write \`${weekday}\`.` : '';
      ctx.report({
        code: 'invalid-cron',
        message: `${problem.message} Sinas does not check this at install; the schedule would never run (the error only appears in the scheduler log).${fix}`,
        span: field ? spanInScalar(ctx.text, node, field.index, field.text.length) : node,
        data: fix ? { replacement: weekday } : undefined,
      });
      return;
    }
    if (weekday && weekday !== fields[4]) {
      ctx.report({
        code: 'cron-day-of-week',
        message: `Sinas' scheduler (APScheduler) numbers days of the week from 0 = Monday, not crontab's 0 = Sunday: \`${fields[4]}\` does not run on the days crontab would. Use names: \`${weekday}\` (crontab's reading).`,
        span: spanInScalar(ctx.text, node, weekdayAt, fields[4].length),
        data: { replacement: weekday },
      });
    }
  },
};
