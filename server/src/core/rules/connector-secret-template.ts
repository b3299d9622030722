import { getValue } from '../parse/yaml-tree';
import type { ScopedRule } from './rule';
import { asString, contentSpan } from './support/scalar';

const TEMPLATE = /^\s*\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}\s*$/;

/**
 * Connector `auth.secret: "{{NAME}}"` (P10, as the package-author skill teaches): Sinas looks the
 * secret up by that literal text, finds nothing and sends no credentials, silently. The fix depends
 * on the file: a declared variable `NAME` is written `${{ vars.NAME }}`, otherwise the plain secret
 * name. Supersedes the schema's generic `invalid-secret-ref` on the same value.
 */
export const connectorSecretTemplate: ScopedRule = {
  id: 'connector-secret-template',
  codes: ['connector-secret-template'],
  check(ctx) {
    const item = ctx.item;
    if (item?.section !== 'connectors') return;
    const node = asString(getValue(getValue(item.node, 'auth'), 'secret'));
    const match = node && TEMPLATE.exec(node.value);
    if (!node || !match) return;
    const name = match[1];
    const variable = ctx.tables.declarations.get(name);
    const replacement = variable ? `\${{ vars.${name} }}` : name;
    const advice = variable
      ? variable.type === 'secret'
        ? `\`${name}\` is a \`secret\` variable: write \`${replacement}\`, which installs as the name of the secret it creates.`
        : `\`${name}\` is an install-time variable: write \`${replacement}\`.`
      : `Write the plain secret name \`${name}\`.`;
    ctx.report({
      code: 'connector-secret-template',
      message: `Sinas looks \`auth.secret\` up as a secret named literally \`${node.value}\`, finds none and sends the request without credentials (no error is shown). ${advice}`,
      span: contentSpan(node),
      data: { replacement, name },
    });
  },
};
