import type { HeaderRule } from './rule';

/**
 * Schedules and database triggers from a package take effect only after the scheduler / CDC
 * service restarts, and uninstalled schedules keep firing until then (P14). One note per package.
 */
export const restartRequired: HeaderRule = {
  id: 'restart-required',
  codes: ['restart-required'],
  check(ctx) {
    const schedules = ctx.model.sections.get('schedules');
    const triggers = ctx.model.sections.get('databaseTriggers');
    const present = [schedules, triggers].filter((s) => s && s.items.length > 0 && s.pair.key);
    if (present.length === 0) return;
    const first = present.sort((a, b) => a!.pair.start - b!.pair.start)[0]!;
    const parts: string[] = [];
    if (schedules?.items.length) parts.push('schedules start (and uninstalled ones stop) only after the scheduler service restarts');
    if (triggers?.items.length) parts.push('new database triggers start polling only after the CDC service restarts');
    ctx.report({
      code: 'restart-required',
      message: `Installing a package does not notify the Sinas services: ${parts.join('; ')}.`,
      span: first.pair.key!,
    });
  },
};
