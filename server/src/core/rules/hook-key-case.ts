import { getValue, keyName, type YNode } from '../parse/yaml-tree';
import type { ItemRule } from './rule';

function snake(key: string): string {
  return key.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

/**
 * Hooks keys in camelCase (`onUserMessage`, `onTimeout`), as older docs show them: the runtime
 * reads only snake_case, so such hooks never run (P9).
 */
export const hookKeyCase: ItemRule = {
  id: 'hook-key-case',
  codes: ['hook-key-case'],
  sections: ['agents'],
  check(ctx) {
    const hooks = getValue(ctx.item.node, 'hooks');
    if (!hooks || hooks.kind !== 'map') return;
    const flag = (key: YNode | null, name: string | undefined, what: string) => {
      if (!key || !name || !/[A-Z]/.test(name) || !/^[a-z]/.test(name)) return;
      const replacement = snake(name);
      ctx.report({
        code: 'hook-key-case',
        message: `Sinas reads ${what} in snake_case only: \`${name}\` is ignored${what === 'hook names' ? ' and this hook never runs' : ''}. Write \`${replacement}\`.`,
        span: key,
        data: { replacement },
      });
    };
    for (const pair of hooks.pairs) {
      flag(pair.key, keyName(pair), 'hook names');
      const entries = pair.value?.kind === 'seq' ? pair.value.items : pair.value ? [pair.value] : [];
      for (const entry of entries) {
        if (entry.kind !== 'map') continue;
        for (const inner of entry.pairs) flag(inner.key, keyName(inner), 'hook options');
      }
    }
  },
};
