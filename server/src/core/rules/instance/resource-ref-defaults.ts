import { resourceRefTarget } from '../../instance/resource-ref';
import { KIND_NAME } from '../../model/sections';
import { contentSpan } from '../support/scalar';
import type { InstanceRule } from './instance-rule';

/**
 * A `resource_ref` variable whose `default` names nothing usable on the instance: an install that
 * keeps the default is refused (the value must exist, and LLM providers and database connections
 * must be active). A warning: the installer may still pick another value.
 */
export const resourceRefDefaults: InstanceRule = {
  id: 'resource-ref-defaults',
  codes: ['missing-on-instance', 'inactive-on-instance'],
  check(ctx) {
    for (const declaration of ctx.variables.declarations) {
      const node = declaration.defaultNode;
      if (declaration.type !== 'resource_ref' || !node || node.kind !== 'scalar' || typeof node.value !== 'string' || node.value.includes('${{')) continue;
      const target = resourceRefTarget(declaration.resource, node.value);
      if (!target) continue;
      const presence = ctx.instance.presence(target.section, target.identity);
      const label = KIND_NAME[target.section];
      const span = contentSpan(node);
      const refused = `an install that keeps the default is refused (\`Referenced ${label} '${node.value}' not defined\`)`;
      if (presence.kind === 'missing') {
        const suggestion = ctx.instance.suggest(target.section, target.identity);
        ctx.report({
          code: 'missing-on-instance',
          severity: 'warning',
          message: `The default \`${node.value}\` names no ${label} on ${ctx.instance.instance}: ${refused}.${suggestion ? ` Did you mean \`${suggestion}\`?` : ''}`,
          span,
          data: suggestion ? { replacement: suggestion } : undefined,
        });
      } else if (presence.kind === 'found' && presence.item.active === false) {
        ctx.report({
          code: 'inactive-on-instance',
          message: `The default \`${node.value}\` is an inactive ${label} on ${ctx.instance.instance}: ${refused}; only active ones can be chosen.`,
          span,
        });
      }
    }
  },
};
