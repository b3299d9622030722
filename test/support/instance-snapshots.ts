/**
 * Instance snapshots for tests: the fixtures in test/fixtures/instance/ (named by a fixture's
 * `# instance: <name>` first line), and a generated one of any size for benchmarks.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InstanceIndex } from '../../server/src/core/instance/instance-index';
import { normalizeSnapshot, type InstanceSnapshot } from '../../server/src/protocol/instance-snapshot';

const DIR = join(__dirname, '../fixtures/instance');
const HEADER = /^#\s*instance:\s*([\w-]+)\s*$/;

/** The snapshot test/fixtures/instance/<name>.json, normalised as the server would. */
export function loadSnapshot(name: string): InstanceSnapshot {
  const snapshot = normalizeSnapshot(JSON.parse(readFileSync(join(DIR, `${name}.json`), 'utf8')));
  if (!snapshot) throw new Error(`test/fixtures/instance/${name}.json is not a snapshot`);
  return snapshot;
}

/** The index of the snapshot a fixture names on its first line, if it names one. */
export function fixtureInstance(text: string): InstanceIndex | undefined {
  const name = HEADER.exec(text.slice(0, text.indexOf('\n')))?.[1];
  return name ? new InstanceIndex(loadSnapshot(name)) : undefined;
}

/**
 * A snapshot of about `count` resources spread over every list like a busy instance (most of them
 * functions and agents), with connectors and their operations, inactive providers, and packages
 * that own some of them. `overlap` identities are added to the functions (e.g. ones a package
 * under test defines), so the checks of existing resources have work to do.
 */
export function generateSnapshot(count: number, overlap: readonly string[] = []): InstanceSnapshot {
  const share: [keyof InstanceSnapshot['lists'], number][] = [
    ['functions', 0.4], ['agents', 0.15], ['skills', 0.08], ['collections', 0.04], ['stores', 0.04], ['queries', 0.04],
    ['templates', 0.04], ['components', 0.03], ['manifests', 0.02], ['connectors', 0.02], ['webhooks', 0.04],
    ['schedules', 0.02], ['databaseTriggers', 0.02], ['secrets', 0.04], ['roles', 0.01], ['llmProviders', 0.005], ['databaseConnections', 0.005],
  ];
  const lists: InstanceSnapshot['lists'] = {};
  for (const [section, fraction] of share) {
    const n = Math.max(2, Math.round(count * fraction));
    const flat = ['webhooks', 'schedules', 'databaseTriggers', 'secrets', 'roles', 'llmProviders', 'databaseConnections'].includes(section);
    lists[section] = {
      complete: true,
      items: Array.from({ length: n }, (_, i) => ({
        name: flat ? `${section}-${i}` : `team${i % 40}/${section}_${i}`,
        description: `Generated ${section} number ${i}`,
        ...(section === 'connectors' ? { operations: Array.from({ length: 10 }, (_, o) => `operation_${o}`) } : {}),
        ...((section === 'llmProviders' || section === 'databaseConnections') && i % 5 === 4 ? { active: false } : {}),
        ...(section === 'templates' ? { managedBy: i % 2 ? null : `pkg:package-${i % 30}` } : {}),
      })),
    };
  }
  lists.functions!.items.push(...overlap.map((name) => ({ name })));
  const packages = Array.from({ length: 30 }, (_, p) => ({
    name: `package-${p}`,
    version: '1.0.0',
    resources: { functions: lists.functions!.items.filter((_, i) => i % 30 === p).slice(0, 20).map((item) => item.name) },
  }));
  return { instance: 'bench', fetchedAt: new Date(0).toISOString(), lists, packages };
}
