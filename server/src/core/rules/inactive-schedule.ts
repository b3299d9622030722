import { findPair } from '../parse/yaml-tree';
import { laxBool } from './support/scalar';
import type { ItemRule } from './rule';

/**
 * `isActive: false` on a schedule or trigger (P15): it is still installed, shows as `update` on
 * every install, and — being inactive — can be reclaimed by any other package with the same name.
 */
export const inactiveSchedule: ItemRule = {
  id: 'inactive-schedule',
  codes: ['inactive-schedule'],
  sections: ['schedules', 'databaseTriggers'],
  check(ctx) {
    const value = findPair(ctx.item.node, 'isActive')?.value;
    if (!value || laxBool(value) !== false) return;
    const what = ctx.item.section === 'schedules' ? 'schedule' : 'trigger';
    ctx.report({
      code: 'inactive-schedule',
      message: `This ${what} is installed inactive: it never runs, every install reports it as \`update\`, and another package using the same name can take it over.`,
      span: value,
    });
  },
};
