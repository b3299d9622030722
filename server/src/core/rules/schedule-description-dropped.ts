import { presentPair } from './support/scalar';
import type { ItemRule } from './rule';

/** `schedules[].description` is neither stored nor exported (P15). */
export const scheduleDescriptionDropped: ItemRule = {
  id: 'schedule-description-dropped',
  codes: ['schedule-description-dropped'],
  sections: ['schedules'],
  check(ctx) {
    const pair = presentPair(ctx.item.node, 'description');
    if (!pair?.key) return;
    ctx.report({
      code: 'schedule-description-dropped',
      message: 'Sinas drops a schedule\'s `description`: it is not stored and does not come back on export. Use a YAML comment instead.',
      span: pair.key,
    });
  },
};
