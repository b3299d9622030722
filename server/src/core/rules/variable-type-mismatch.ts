import type { YNode } from '../parse/yaml-tree';
import { expectedTypeAt } from '../schema/schema-lookup';
import { describeExpected, describeValue, fits, plainValue, possibleTexts } from '../variables/substitution';
import type { ExpressionUse } from '../variables/variable-table';
import type { ScopedRule } from './rule';
import { contentSpan } from './support/scalar';

/** More combinations than this (several enum variables in one scalar) are not enumerated. */
const MAX_COMBINATIONS = 64;

/** Every text the scalar can become: its value with each combination of the variables' values. */
function substitutions(source: string, template: string, uses: readonly ExpressionUse[], texts: ReadonlyMap<string, string[]>): string[] | undefined {
  let out = [template];
  for (const [name, values] of texts) {
    if (out.length * values.length > MAX_COMBINATIONS) return undefined;
    const written = uses.filter((u) => u.expression.kind === 'var' && u.expression.name === name).map((u) => source.slice(u.expression.span.start, u.expression.span.end));
    out = out.flatMap((t) => values.map((v) => written.reduce((acc, w) => acc.split(w).join(v), t)));
  }
  return out;
}

/**
 * A scalar holding `${{ vars.X }}` in a typed field: check what it can become against the field.
 * Sinas substitutes the raw text before PyYAML reads it, so an unquoted boolean or enum word in a
 * string field turns into a boolean (`true`, `on`), and `${{ vars.MAJOR }}.${{ vars.MINOR }}`
 * into a float. Only scalars whose variables all have known values (boolean, enum, secret) are
 * checked. When no value fits, every install fails: an error. When only some do not, the
 * installer's answer decides: a warning.
 */
export const variableTypeMismatch: ScopedRule = {
  id: 'variable-type-mismatch',
  codes: ['variable-type-mismatch'],
  check(ctx) {
    const cache = new Map<string, unknown>();
    const read = (text: string) => {
      if (!cache.has(text)) cache.set(text, plainValue(text));
      return cache.get(text);
    };
    const byScalar = new Map<YNode, ExpressionUse[]>();
    for (const use of ctx.uses) {
      if (use.onKey) continue;
      const list = byScalar.get(use.scalar);
      if (list) list.push(use);
      else byScalar.set(use.scalar, [use]);
    }
    for (const [scalar, uses] of byScalar) {
      if (scalar.kind !== 'scalar' || typeof scalar.value !== 'string') continue;
      const expected = expectedTypeAt(uses[0].path);
      const quoted = scalar.style !== 'plain';
      // A quoted value stays a string whatever it becomes: in a string field nothing can misfit,
      // and the declarations are not looked at (retyping a variable re-checks no such item).
      if (expected === undefined || (quoted && expected === 'string')) continue;
      const texts = new Map<string, string[]>();
      for (const use of uses) {
        const e = use.expression;
        const declaration = e.kind === 'var' ? ctx.tables.declarations.get(e.name) : undefined;
        const values = declaration && possibleTexts(declaration);
        if (!declaration || !values?.length) {
          texts.clear();
          break;
        }
        texts.set(declaration.name, values);
      }
      if (texts.size === 0) continue;
      const results = substitutions(ctx.text, scalar.value, uses, texts);
      if (!results) continue;
      const bad = results.filter((t) => !fits(quoted ? t : read(t), expected));
      if (bad.length === 0) continue;
      const severity = bad.length === results.length ? 'error' : undefined;
      const whole = uses.length === 1 && uses[0].whole;
      const [first] = uses;
      const e = first.expression;
      const name = e.kind === 'var' ? e.name : '';
      const field = String(first.path[first.path.length - 1]);
      const shown = bad.slice(0, 3).map((t) => (quoted ? `\`${t}\`` : describeValue(read(t)))).join(quoted ? ', ' : ' or ');
      if (!whole) {
        ctx.report({
          code: 'variable-type-mismatch',
          ...(severity ? { severity } : {}),
          message: `After substitution \`${field}\` can be ${shown}, and it must be ${describeExpected(expected)}${severity ? ': no value of the variables fits, so every install fails' : ''}.`,
          span: contentSpan(scalar),
          data: { name },
        });
        continue;
      }
      const declaration = ctx.tables.declarations.get(name)!;
      const kind = declaration.type === 'enum' ? 'an enum' : declaration.type === 'boolean' ? 'a boolean' : 'a secret (it stands for the secret\'s name)';
      const values = texts.get(name)!;
      // Quoting is the fix when every value is fine as a string and the field takes strings.
      const quotingFixes = !quoted && values.every((t) => fits(t, expected));
      ctx.report({
        code: 'variable-type-mismatch',
        ...(severity ? { severity } : {}),
        message: quotingFixes
          ? `\`${name}\` is ${kind}: unquoted, its value becomes ${shown} after substitution, and \`${field}\` must be ${describeExpected(expected)}. Quote it: \`"\${{ vars.${name} }}"\`.`
          : `\`${name}\` is ${kind}, but \`${field}\` must be ${describeExpected(expected)}: ${severity ? 'its values' : 'some of its values'} (${shown}) would not fit after substitution.`,
        span: e.span,
        data: quotingFixes ? { replacement: `"\${{ vars.${name} }}"`, name } : { name },
      });
    }
  },
};
