import { findPair, stringValue } from '../parse/yaml-tree';
import type { ItemRule } from './rule';

/**
 * Sinas validates every schedule's `functionName` as `default/<functionName>`, agent schedules
 * included (P3): without one, an agent schedule fails with `Referenced function 'default/None' not
 * defined`. The only way through is a bogus `functionName` naming an existing `default` function,
 * which apply then ignores.
 */
export const agentScheduleUnsupported: ItemRule = {
  id: 'agent-schedule-unsupported',
  codes: ['agent-schedule-unsupported'],
  sections: ['schedules'],
  check(ctx) {
    const type = findPair(ctx.item.node, 'scheduleType');
    if (stringValue(type?.value) !== 'agent' || !type?.value) return;
    const fn = findPair(ctx.item.node, 'functionName');
    if (!fn) {
      ctx.report({
        code: 'agent-schedule-unsupported',
        message:
          "Sinas cannot install an agent schedule as written: it checks every schedule's `functionName` as `default/<functionName>` and rejects this one " +
          "(`Referenced function 'default/None' not defined`). Work-around: add `functionName:` with the bare name of an existing function in namespace `default`; apply ignores it for agent schedules.",
        span: type.value,
      });
    } else if (fn.key) {
      ctx.report({
        code: 'agent-schedule-unsupported',
        severity: 'info',
        message: 'This `functionName` only gets the agent schedule past Sinas validation (a server limitation); it is ignored when the schedule runs.',
        span: fn.key,
      });
    }
  },
};
