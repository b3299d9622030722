import type { SectionName } from '../../model/sections';
import { KIND_NAME, SKIPPED_SECTIONS } from '../../model/sections';
import { contentSpan } from '../support/scalar';
import type { InstanceRule } from './instance-rule';

/** Secrets and dependencies are shared by design (secret-value covers overwriting a secret). */
const NOT_CHECKED: ReadonlySet<SectionName> = new Set([...SKIPPED_SECTIONS, 'secrets', 'dependencies', 'variables']);

/**
 * What preview would say about resources that already exist, while typing (§7.2): one that no
 * package manages is overwritten by the install and stays unmanaged (a connector is taken over);
 * one that belongs to another package, or to a SinasConfig, is skipped with a warning.
 */
export const existingResources: InstanceRule = {
  id: 'existing-resources',
  codes: ['exists-unmanaged', 'managed-by-other-package'],
  check(ctx) {
    const on = ctx.instance.instance;
    const own = ctx.model.packageName;
    for (const resource of ctx.model.resources) {
      if (resource.identity === undefined || resource.dynamic || NOT_CHECKED.has(resource.section)) continue;
      const presence = ctx.instance.presence(resource.section, resource.identity);
      // An inactive row is reclaimed by whichever package installs it (§7.2, step 1).
      if (presence.kind !== 'found' || presence.item.active === false) continue;
      const owner = ctx.instance.ownership(resource.section, resource.identity, presence.item);
      if (owner.kind === 'unknown' || (owner.kind === 'package' && owner.name === own)) continue;
      const what = `${KIND_NAME[resource.section]} \`${resource.identity}\``;
      const What = what[0].toUpperCase() + what.slice(1);
      const span = contentSpan(resource.identityNode);
      if (owner.kind === 'none' && owner.managedBy === undefined) {
        const after =
          resource.section === 'connectors'
            ? 'installing overwrites it with this definition and this package takes it over (uninstall then deletes it)'
            : 'installing overwrites it with this definition, and uninstalling this package leaves it in place';
        ctx.report({ code: 'exists-unmanaged', message: `${What} already exists on ${on} and no package manages it: ${after}.`, span });
        continue;
      }
      const manager = owner.kind === 'package' ? `pkg:${owner.name}` : owner.managedBy!;
      const by = owner.kind === 'package' ? `package \`${owner.name}\`` : manager === 'config' ? 'a SinasConfig (`config`)' : `\`${manager}\``;
      // A package's export says what it installed; only `managed_by` (templates) says it is still attached.
      const unlessDetached = owner.kind === 'package' && presence.item.managedBy === undefined ? ' (unless it was edited there since, which detaches it: then the install overwrites it)' : '';
      const type = resource.section[0].toUpperCase() + resource.section.slice(1).toLowerCase();
      ctx.report({
        code: 'managed-by-other-package',
        message: `The ${what} on ${on} belongs to ${by}: the install skips it (\`${type} '${resource.identity}' exists but is managed by '${manager}'. Skipping.\`)${unlessDetached}.`,
        span,
      });
    }
  },
};
