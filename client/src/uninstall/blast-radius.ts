/**
 * The text of the uninstall confirmation: what `DELETE /packages/{name}` removes and what it
 * leaves (api-contract §7.5). Counts come from the installed export: the resources its last
 * install declared. Pure.
 */
import { KIND_NAME, type SectionName } from '../../../server/src/core/model/sections';
import type { PackageFile } from '../packages/read-package';
import { count, joinWords } from '../util/text';

/** The sections uninstall deletes (by `managed_by = pkg:<name>`), in a readable order. */
export const DELETED_SECTIONS: readonly SectionName[] = [
  'agents',
  'functions',
  'skills',
  'connectors',
  'components',
  'queries',
  'collections',
  'stores',
  'templates',
  'manifests',
  'webhooks',
  'schedules',
  'databaseTriggers',
];

export interface BlastRadiusInput {
  packageName: string;
  version?: string;
  instanceName: string;
  /** The installed export, read; undefined when it could not be fetched. */
  installed?: PackageFile;
}

export interface BlastRadius {
  message: string;
  detail: string;
  /** Resources uninstall would delete, per section (empty when unknown). */
  deleted: Partial<Record<SectionName, number>>;
}

const PLURAL: Partial<Record<SectionName, string>> = { queries: 'queries', databaseTriggers: 'database triggers' };
const phrase = (section: SectionName, n: number) => count(n, KIND_NAME[section], PLURAL[section]);

export function blastRadius(input: BlastRadiusInput): BlastRadius {
  const message = `Uninstall ${input.packageName}${input.version ? ` ${input.version}` : ''} from ${input.instanceName}?`;
  const lines: string[] = [];
  const deleted: Partial<Record<SectionName, number>> = {};
  const model = input.installed?.structure.model;

  if (!model) {
    lines.push('Every resource this package still manages on the instance is deleted. (Its installed YAML could not be read, so they cannot be counted.)');
  } else {
    for (const section of DELETED_SECTIONS) {
      const n = model.sections.get(section)?.items.length ?? 0;
      if (n > 0) deleted[section] = n;
    }
    const parts = DELETED_SECTIONS.filter((s) => deleted[s]).map((s) => phrase(s, deleted[s]!));
    lines.push(parts.length > 0 ? `Deletes what its last install declared and still manages: ${joinWords(parts)}.` : 'Its last install declared no resources that uninstall deletes.');
    if (deleted.collections) lines.push(`The files uploaded to ${deleted.collections === 1 ? 'that collection' : `those ${deleted.collections} collections`} are deleted with it.`);
    if (deleted.stores) lines.push(`The saved states of ${deleted.stores === 1 ? 'that store' : `those ${deleted.stores} stores`} are deleted with it.`);
  }
  lines.push('Resources dropped from the YAML in earlier upgrades are still managed by the package and are deleted too.');

  const kept: string[] = ['resources edited since the install (they were detached)'];
  if (model) {
    const secrets = (model.sections.get('secrets')?.items.length ?? 0) + (input.installed?.declarations.filter((d) => d.type === 'secret').length ?? 0);
    const dependencies = model.sections.get('dependencies')?.items.length ?? 0;
    if (secrets) kept.push(count(secrets, 'secret'));
    if (dependencies) kept.push(count(dependencies, 'dependency', 'dependencies'));
  } else {
    kept.push('secrets', 'dependencies');
  }
  lines.push(`Kept: ${joinWords(kept)}.`);
  if (deleted.schedules) lines.push('Deleted schedules keep firing until the Sinas scheduler restarts.');
  lines.push('This cannot be undone.');
  return { message, detail: lines.join('\n'), deleted };
}
