/**
 * The identities a package declares, per section, read the way the model reads them: what an
 * installed package (its export) owns on the instance. The snapshot builder gets this as its
 * `resourcesOf`, so the API client needs no YAML reading of its own.
 */
import type { SnapshotSection } from '../../protocol/instance-snapshot';
import { SNAPSHOT_SECTIONS } from '../../protocol/instance-snapshot';
import { SKIPPED_SECTIONS } from '../model/sections';
import { readStructure } from '../structure';

export function declaredResources(yaml: string): Partial<Record<SnapshotSection, string[]>> {
  const { model } = readStructure(yaml);
  const out: Partial<Record<SnapshotSection, string[]>> = {};
  for (const resource of model.resources) {
    const section = resource.section as SnapshotSection;
    // Sections a package install skips own nothing; an identity with `${{ … }}` is only known at install.
    if (!(SNAPSHOT_SECTIONS as readonly string[]).includes(section) || SKIPPED_SECTIONS.includes(resource.section)) continue;
    if (resource.identity === undefined || resource.dynamic) continue;
    (out[section] ??= []).push(resource.identity);
  }
  return out;
}
