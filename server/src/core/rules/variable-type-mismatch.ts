import { expectedTypeAt } from '../schema/schema-lookup';
import { describeExpected, describeValue, fits, plainValue, possibleTexts } from '../variables/substitution';
import type { DocumentRule } from './rule';

/**
 * A scalar whose whole value is one `${{ vars.X }}` in a typed field: check what X can become
 * against the field. Only variables whose values are known (boolean, enum, secret) are checked.
 * When no value can fit, every install fails: an error. When only some cannot, the installer's
 * answer decides: a warning. An unquoted boolean or enum word in a string field is the typical
 * case: after substitution YAML reads `true` or `on` as a boolean.
 */
export const variableTypeMismatch: DocumentRule = {
  id: 'variable-type-mismatch',
  codes: ['variable-type-mismatch'],
  check(ctx) {
    const cache = new Map<string, unknown>();
    const read = (text: string) => {
      if (!cache.has(text)) cache.set(text, plainValue(text));
      return cache.get(text);
    };
    for (const use of ctx.variables.uses) {
      const e = use.expression;
      if (!use.whole || use.onKey || e.kind !== 'var') continue;
      const declaration = ctx.variables.byName.get(e.name);
      const texts = declaration && possibleTexts(declaration);
      if (!declaration || !texts?.length) continue;
      const expected = expectedTypeAt(use.path);
      if (expected === undefined) continue;
      const quoted = use.scalar.kind === 'scalar' && use.scalar.style !== 'plain';
      const bad = texts.filter((t) => !fits(quoted ? t : read(t), expected));
      if (bad.length === 0) continue;
      const field = String(use.path[use.path.length - 1]);
      const kind = declaration.type === 'enum' ? 'an enum' : declaration.type === 'boolean' ? 'a boolean' : 'a secret (it stands for the secret\'s name)';
      // Quoting is the fix when every value is fine as a string and the field takes strings.
      const quotingFixes = !quoted && texts.every((t) => fits(t, expected));
      const shown = bad.slice(0, 3).map((t) => (quoted ? `\`${t}\`` : describeValue(read(t)))).join(quoted ? ', ' : ' or ');
      ctx.report({
        code: 'variable-type-mismatch',
        ...(bad.length === texts.length ? { severity: 'error' as const } : {}),
        message: quotingFixes
          ? `\`${e.name}\` is ${kind}: unquoted, its value becomes ${shown} after substitution, and \`${field}\` must be ${describeExpected(expected)}. Quote it: \`"\${{ vars.${e.name} }}"\`.`
          : `\`${e.name}\` is ${kind}, but \`${field}\` must be ${describeExpected(expected)}: ${bad.length === texts.length ? 'its values' : 'some of its values'} (${shown}) would not fit after substitution.`,
        span: e.span,
        data: quotingFixes ? { replacement: `"\${{ vars.${e.name} }}"`, name: e.name } : { name: e.name },
      });
    }
  },
};
