import { getValue, keyName, type YNode } from '../parse/yaml-tree';
import { PACKAGE_NAME_MAX } from '../model/package-name';
import { KIND_NAME, type SectionName } from '../model/sections';
import { asString } from './support/scalar';
import type { HeaderRule, ItemRule } from './rule';

/** Database column limits the install hits (a longer value fails at commit with a server error). */
const LIMITS: Partial<Record<SectionName, Record<string, number>>> = {
  connectors: { namespace: 100, name: 100 },
  collections: { namespace: 100, name: 100 },
  stores: { namespace: 100, name: 100 },
  functions: { namespace: 255, name: 255 },
  skills: { namespace: 255, name: 255 },
  components: { namespace: 255, name: 255 },
  queries: { namespace: 255, name: 255 },
  templates: { namespace: 255, name: 255 },
  manifests: { namespace: 255, name: 255 },
  agents: { namespace: 255, name: 255 },
  schedules: { timezone: 50, scheduleType: 20 },
  webhooks: { responseMode: 10 },
};
const PACKAGE_LIMITS: Record<string, number> = { name: PACKAGE_NAME_MAX, author: 255, url: 1024 };

function check(map: YNode, limits: Record<string, number>, owner: string, report: Parameters<ItemRule['check']>[0]['report']): void {
  if (map.kind !== 'map') return;
  for (const pair of map.pairs) {
    const key = keyName(pair);
    const limit = key !== undefined ? limits[key] : undefined;
    const value = asString(pair.value);
    if (limit === undefined || !value || value.value.includes('${{') || value.value.length <= limit) continue;
    report({
      code: 'value-too-long',
      message: `${owner} \`${key}\` has ${value.value.length} characters; the database column holds ${limit}, so the install fails with a server error.`,
      span: value,
    });
  }
}

/**
 * Values longer than the database column the install writes them to (P24, P30, §4): the install
 * accepts them, then fails at commit with a 500. The schema's `name-format` also notes length on
 * names, as a REST convention; this is the install failure and supersedes it on the same value.
 */
export const valueTooLong: ItemRule = {
  id: 'value-too-long-item',
  codes: ['value-too-long'],
  check(ctx) {
    const limits = LIMITS[ctx.item.section];
    const kind = KIND_NAME[ctx.item.section];
    if (limits) check(ctx.item.node, limits, `${kind[0].toUpperCase()}${kind.slice(1)}`, ctx.report);
  },
};

/** The same for the `package:` header (`version` is checked by the schema). */
export const valueTooLongInHeader: HeaderRule = {
  id: 'value-too-long-header',
  codes: ['value-too-long'],
  check(ctx) {
    const pkg = getValue(ctx.root, 'package');
    if (pkg) check(pkg, PACKAGE_LIMITS, 'Package', ctx.report);
  },
};
