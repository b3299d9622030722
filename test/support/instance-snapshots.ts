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
