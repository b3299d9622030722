/**
 * What hover and go to definition say about a reference that this package does not satisfy but
 * the instance snapshot answers: "on staging" with the resource's description, or that it is not
 * there either; and where its read-only definition lives (a `sinas-instance:` document).
 */
import type { Analysis } from '../core/analyze';
import { referencePresence } from '../core/instance/reference-presence';
import { KIND_NAME, type SectionName } from '../core/model/sections';
import type { Reference } from '../core/references';
import { instanceDocumentUri, type SnapshotSection } from '../protocol/instance-snapshot';

/** Hover markdown for a reference the instance answers, or undefined when it has nothing to say. */
export function instanceReferenceMarkdown(analysis: Analysis, reference: Reference): string | undefined {
  const instance = analysis.instance;
  const presence = instance && referencePresence(instance, analysis.references, reference);
  if (!instance || !presence || presence.kind === 'unknown') return undefined;
  const on = instance.instance;
  if (reference.kind === 'operations') {
    return presence.kind === 'found'
      ? `**operation** \`${reference.target}\` of connector \`${reference.connector}\` — on ${on}`
      : `Connector \`${reference.connector}\` on ${on} has no operation \`${reference.target}\`.`;
  }
  const kind = KIND_NAME[reference.kind];
  if (presence.kind === 'missing') {
    const checked = reference.checked ? 'Sinas checks at install that it exists, so the install is rejected.' : 'Sinas does not check it at install; it fails when it is used.';
    return `No ${kind} \`${reference.target}\` in this file or on ${on}. ${checked}`;
  }
  const item = presence.item;
  const parts = [`**${kind}** \`${item.name}\` — on ${on}`];
  if (item.description) parts.push(item.description);
  const facts = [item.type ? `Type: ${item.type}` : undefined, item.active === false ? '**Inactive**' : undefined, item.operations ? `Operations: ${item.operations.map((o) => `\`${o}\``).join(', ') || 'none'}` : undefined];
  if (facts.some(Boolean)) parts.push(facts.filter(Boolean).join(' · '));
  return parts.join('\n\n');
}

/** The read-only document of the instance resource a reference names, if the snapshot has it. */
export function instanceDefinitionUri(analysis: Analysis, reference: Reference): string | undefined {
  const instance = analysis.instance;
  const presence = instance && referencePresence(instance, analysis.references, reference);
  if (!instance || presence?.kind !== 'found') return undefined;
  // An operation of an instance connector opens the connector.
  const section = (reference.kind === 'operations' ? 'connectors' : reference.kind) as SectionName;
  return instanceDocumentUri(instance.snapshot, section as SnapshotSection, presence.item.name);
}
