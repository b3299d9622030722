import { findPair } from '../parse/yaml-tree';
import type { ScopedRule } from './rule';

/**
 * `secrets[].value` (P21): the credential is stored in clear text in the package source, returned
 * by export to anyone who can read packages, and it overwrites an existing secret on every install.
 */
export const secretValue: ScopedRule = {
  id: 'secret-value',
  codes: ['secret-value'],
  check(ctx) {
    const item = ctx.item;
    if (item?.section !== 'secrets') return;
    const pair = findPair(item.node, 'value');
    if (!pair?.key || !pair.value || (pair.value.kind === 'scalar' && pair.value.value === null)) return;
    const use = ctx.uses.find((u) => u.scalar === pair.value && u.whole && u.expression.kind === 'var');
    const variable = use?.expression.kind === 'var' ? ctx.tables.declarations.get(use.expression.name) : undefined;
    let message: string;
    if (variable?.type === 'secret') {
      message =
        `\`${variable.name}\` is a \`secret\` variable: installing already creates or updates a secret named \`${variable.name}\` with the value the installer enters, ` +
        `and \`\${{ vars.${variable.name} }}\` stands for that secret's name, not its value. Remove this \`value\` (or the whole entry) and use the variable where the secret's name is needed, e.g. \`auth.secret\`.`;
    } else if (variable) {
      message = `This secret value comes from variable \`${variable.name}\`, which is not of \`type: secret\`: its value is kept in clear text with the installed package's values. Declare it with \`type: secret\`.`;
    } else {
      message =
        'A `value` puts the credential in the package: Sinas stores it in clear text with the package source, returns it to anyone who can export the package, ' +
        'and overwrites an existing secret of this name on every install. Use an install-time variable of `type: secret` instead.';
    }
    ctx.report({ code: 'secret-value', message, span: pair.key });
  },
};
