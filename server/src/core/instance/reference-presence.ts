/**
 * Whether a reference that this package does not satisfy exists on the instance. One reading for
 * the rules (missing → a finding), hover ("on staging"), completion and go to definition.
 */
import type { SectionName } from '../model/sections';
import type { Reference, ReferenceIndex } from '../references';
import type { InstanceIndex, Presence } from './instance-index';

/** A secret name the runtime can look up (a `{{NAME}}` template is another rule's business). */
const PLAIN_NAME = /^[^\s{}]+$/;

/**
 * The instance's answer for a reference, or undefined when the instance has nothing to add: the
 * value is only known at install (`${{ … }}`), written in a form with no target, a parameters
 * key, or satisfied by (or a matter of) this package's own definitions.
 */
export function referencePresence(instance: InstanceIndex, references: ReferenceIndex, ref: Reference): Presence | undefined {
  if (ref.dynamic || ref.target === undefined || ref.role !== 'use') return undefined;
  // A qualified webhook/schedule functionName can never pass the check (reference-must-be-bare).
  if (ref.form === 'bare' && ref.text.includes('/')) return undefined;
  if (ref.kind === 'operations') {
    const connector = ref.connector;
    if (connector === undefined || !connector.includes('/') || references.definitions('connectors', connector).length > 0) return undefined;
    const owner = instance.presence('connectors', connector);
    if (owner.kind !== 'found' || owner.item.operations === undefined) return undefined;
    return owner.item.operations.includes(ref.target) ? owner : { kind: 'missing' };
  }
  const section = ref.kind as SectionName;
  if (references.definitions(section, ref.target).length > 0) return undefined;
  if (section === 'secrets' && !PLAIN_NAME.test(ref.target)) return undefined;
  return instance.presence(section, ref.target);
}
