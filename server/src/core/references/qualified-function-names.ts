/**
 * Webhook and schedule `functionName` written `ns/name` (P2, P3). Sinas validates these as
 * `default/<functionName>`, so `ns/f` becomes `default/ns/f` and the install is rejected; yet it
 * exports them exactly that way, so a package created from an instance carries them. What can be
 * done depends on where the function lives, and for a function outside `default` nothing can be
 * written at all. Shared by the `reference-must-be-bare` rule and the create commands.
 */
import type { Reference, ReferenceIndex } from './index';

export interface QualifiedFunctionName {
  reference: Reference;
  /** `Webhook` or `Schedule`. */
  owner: string;
  /** The webhook's path or the schedule's name. */
  identity: string | undefined;
  /** The function as written (`ns/name`). */
  written: string;
  /**
   * - `bare`: the function is in `default`: write its bare name (the `replacement`);
   * - `move`: the function is defined in this file in another namespace: move it to `default`;
   * - `none`: no spelling reaches it (it is outside `default` and not in this file).
   */
  fix: 'bare' | 'move' | 'none';
  replacement?: string;
  /** What to do, as a sentence. */
  advice: string;
  /** "webhook `support/new-ticket` calls `support/lookup_customer`" (for lists outside the editor). */
  summary: string;
}

/** Over a whole package's index, or (a rule on one item) that item's references and the package's definitions. */
export function qualifiedFunctionNames(index: Pick<ReferenceIndex, 'references'> & { definitions(kind: 'functions', identity: string): readonly unknown[] }): QualifiedFunctionName[] {
  const out: QualifiedFunctionName[] = [];
  for (const reference of index.references) {
    if (reference.form !== 'bare' || reference.dynamic || !reference.text.includes('/')) continue;
    const written = reference.text;
    // `tools/f` in namespace `default` is `default/tools/f`: the bare name with a slash resolves.
    if (index.definitions('functions', `default/${written}`).length > 0) continue;
    const slash = written.indexOf('/');
    const namespace = written.slice(0, slash);
    const name = written.slice(slash + 1);
    const owner = reference.source.section === 'webhooks' ? 'Webhook' : 'Schedule';
    const identity = reference.source.identity;
    const summary = `${owner.toLowerCase()} \`${identity ?? `#${reference.source.index + 1}`}\` calls \`${written}\``;
    const base = { reference, owner, identity, written, summary };
    if (namespace === 'default') {
      out.push({ ...base, fix: 'bare', replacement: name, advice: `Write the bare name \`${name}\`.` });
    } else if (index.definitions('functions', `default/${name}`).length > 0) {
      // A different function of the same name is in `default` here: the bare name reaches that one.
      out.push({ ...base, fix: 'bare', replacement: name, advice: `Write the bare name \`${name}\`, which calls \`default/${name}\` from this file (not \`${written}\`).` });
    } else if (index.definitions('functions', written).length > 0) {
      out.push({ ...base, fix: 'move', advice: `No spelling reaches \`${written}\` where it is: ${owner.toLowerCase()}s can only call functions in namespace \`default\`. Move it to namespace \`default\` in this file and write \`${name}\`.` });
    } else {
      out.push({
        ...base,
        fix: 'none',
        advice:
          `No spelling reaches \`${written}\`: ${owner.toLowerCase()}s can only call functions in namespace \`default\`, by their bare name. ` +
          `Move the function to namespace \`default\` and write \`${name}\`, or leave this ${owner.toLowerCase()} out of the package and create it on the instance by hand.`,
      });
    }
  }
  return out;
}
