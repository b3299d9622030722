import { KIND_NAME, type SectionName } from '../../model/sections';
import { referencePresence } from '../../instance/reference-presence';
import { getValue, stringValue } from '../../parse/yaml-tree';
import type { Reference } from '../../references';
import { contentSpan } from '../support/scalar';
import type { InstanceContext, InstanceRule } from './instance-rule';

/** Connector auth types that read `auth.secret` when the connector is called (the others send none or a user token). */
const SECRET_AUTH = new Set(['bearer', 'basic', 'api_key']);

/**
 * A reference that neither this package nor the instance satisfies, with the backend's precise
 * consequence: the install is rejected where Sinas checks the reference (error), otherwise it
 * fails later — at apply (a partial install) or when it runs (warning). Also a secret the package
 * lists without a `value`, which must already exist.
 */
export const missingOnInstance: InstanceRule = {
  id: 'missing-on-instance',
  codes: ['missing-on-instance'],
  check(ctx) {
    const on = ctx.instance.instance;
    for (const ref of ctx.references.references) {
      if (referencePresence(ctx.instance, ctx.references, ref)?.kind !== 'missing' || ref.kind === 'operations') continue;
      if (ref.kind === 'secrets' && !SECRET_AUTH.has(stringValue(getValue(getValue(ref.source.node, 'auth'), 'type')) ?? 'none')) continue;
      const kind = ref.kind as SectionName;
      const label = KIND_NAME[kind];
      const { checked, consequence } = consequenceOf(ref, label);
      const infrastructure = ref.form === 'name' && kind !== 'secrets';
      const where = infrastructure ? `does not exist on ${on}` : `is neither in this package nor on ${on}`;
      const written = ref.text === ref.target ? '' : ` (\`${ref.text}\`)`;
      const replacement = suggestion(ctx, ref);
      ctx.report({
        code: 'missing-on-instance',
        severity: checked ? 'error' : 'warning',
        message: `${capital(label)} \`${ref.target}\`${written} ${where}: ${consequence}.${replacement ? ` Did you mean \`${replacement}\`?` : ''}`,
        span: contentSpan(ref.node),
        data: replacement ? { replacement } : undefined,
      });
    }
    for (const secret of ctx.model.sections.get('secrets')?.items ?? []) {
      if (secret.identity === undefined || secret.dynamic || getValue(secret.node, 'value')) continue;
      if (ctx.instance.presence('secrets', secret.identity).kind !== 'missing') continue;
      ctx.report({
        code: 'missing-on-instance',
        severity: 'warning',
        message: `Secret \`${secret.identity}\` has no \`value\` and does not exist on ${on}: the install cannot create it (\`Secret '${secret.identity}' does not exist and no value provided — cannot create.\`), a partial install.`,
        span: contentSpan(secret.identityNode),
      });
    }
  },
};

function consequenceOf(ref: Reference, label: string): { checked: boolean; consequence: string } {
  if (ref.checked) return { checked: true, consequence: `Sinas rejects the install (\`Referenced ${label} '${ref.target}' not defined\`)` };
  if (ref.kind === 'databaseConnections' && ref.source.section === 'databaseTriggers') {
    return { checked: false, consequence: `the trigger fails at apply (\`Database trigger '${ref.source.identity ?? '?'}': connection '${ref.target}' not found\`), a partial install` };
  }
  if (ref.kind === 'databaseConnections') return { checked: false, consequence: 'the tool fails when it is used' };
  if (ref.kind === 'secrets') return { checked: false, consequence: `the connector's calls go out without credentials (Sinas only logs \`Secret '${ref.target}' not found\`)` };
  return { checked: false, consequence: `Sinas does not check \`${ref.field}\` at install, so this fails when it runs` };
}

/**
 * The closest name the reference could mean, written in the reference's own form: the package's
 * own resource that the hedge it replaces already found, else one of the instance's.
 */
function suggestion(ctx: InstanceContext, ref: Reference): string | undefined {
  // A manifest entry spreads the identity over `namespace` and `name`: no one-node replacement.
  if (ref.field === 'requiredResources') return undefined;
  const own = ctx.hedges.get(contentSpan(ref.node).start)?.data?.replacement;
  if (typeof own === 'string') return own;
  const found = ctx.instance.suggest(ref.kind as SectionName, ref.target!);
  if (!found) return undefined;
  // A bare name stands for `default/<name>`: suggest it bare, and only within `default`.
  if (ref.form === 'bare' || (ref.form === 'either' && !ref.text.includes('/'))) return found.startsWith('default/') ? found.slice('default/'.length) : ref.form === 'bare' ? undefined : found;
  return found;
}

const capital = (s: string) => s[0].toUpperCase() + s.slice(1);
