import type { ItemRule } from './rule';
import { contentSpan, stringAt } from './support/scalar';

/**
 * The zone names (and by their lower case), read on the first `timezone` checked: reading them loads
 * ICU's time zone data, about 2 MB resident that a package without schedules never needs.
 */
let known: { zones: Set<string>; byLower: Map<string, string> } | undefined;
function knownZones(): { zones: Set<string>; byLower: Map<string, string> } {
  if (!known) {
    const zones = new Set<string>([...Intl.supportedValuesOf('timeZone'), 'UTC']);
    known = { zones, byLower: new Map([...zones].map((zone) => [zone.toLowerCase(), zone])) };
  }
  return known;
}

/** Whether the scheduler can load this zone; a differently-cased known name is returned as a fix. */
export function checkTimezone(zone: string): { valid: true } | { valid: false; replacement?: string } {
  const { zones, byLower } = knownZones();
  if (zones.has(zone)) return { valid: true };
  const differentlyCased = byLower.get(zone.toLowerCase());
  if (differentlyCased) return { valid: false, replacement: differentlyCased };
  // `UTC+2` is not a zone; the fixed-offset zones are `Etc/GMT-2` (POSIX signs are inverted).
  const offset = /^(?:UTC|GMT)([+-])(\d{1,2})$/i.exec(zone);
  if (offset && Number(offset[2]) <= 14) return { valid: false, replacement: Number(offset[2]) === 0 ? 'UTC' : `Etc/GMT${offset[1] === '+' ? '-' : '+'}${Number(offset[2])}` };
  try {
    // Accepts aliases (US/Eastern, Asia/Calcutta, Europe/Kyiv) that the list above leaves out.
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return /^[A-Za-z]/.test(zone) ? { valid: true } : { valid: false };
  } catch {
    return { valid: false };
  }
}

/** `timezone` must be an IANA zone name; a bad one only fails when the scheduler loads the job (P13). */
export const invalidTimezone: ItemRule = {
  id: 'invalid-timezone',
  codes: ['invalid-timezone'],
  sections: ['schedules'],
  check(ctx) {
    const node = stringAt(ctx.item.node, 'timezone');
    if (!node || node.value.includes('${{')) return;
    const zone = node.value as string;
    const result = checkTimezone(zone);
    if (result.valid) return;
    ctx.report({
      code: 'invalid-timezone',
      message: result.replacement
        ? result.replacement.toLowerCase() === zone.toLowerCase()
          ? `Time zone names are case-sensitive: write \`${result.replacement}\`, not \`${zone}\`. Sinas does not check this at install; the schedule would fail to load.`
          : `\`${zone}\` is not an IANA time zone; the fixed offset is written \`${result.replacement}\` (POSIX signs are inverted). Sinas does not check this at install; the schedule would fail to load.`
        : `\`${zone}\` is not an IANA time zone (e.g. \`Europe/Amsterdam\`, \`UTC\`). Sinas does not check this at install; the schedule would fail to load, visible only in the scheduler log.`,
      span: contentSpan(node),
      data: result.replacement ? { replacement: result.replacement } : undefined,
    });
  },
};
