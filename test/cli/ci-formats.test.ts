/**
 * `sinas-package validate` for CI: directories and globs, `--format github` annotations,
 * `--format sarif` checked against the SARIF 2.1.0 schema, `--max-warnings`.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { CODES } from '../../server/src/core/diagnostics/codes';
import { assertFreshBuild, runCli } from './run-cli';

const FIXTURES = 'test/fixtures/cli';

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number; endLine: number; endColumn: number } } }[];
  partialFingerprints: Record<string, string>;
}

/** A workspace: two packages (one nested), a non-package YAML, and packages where linters never look. */
function makeWorkspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sinas-ci-'));
  mkdirSync(join(dir, 'packages/nested'), { recursive: true });
  mkdirSync(join(dir, 'node_modules/dep'), { recursive: true });
  mkdirSync(join(dir, '.github/workflows'), { recursive: true });
  cpSync(`${FIXTURES}/variables.yaml`, join(dir, 'packages/variables.sinas.yaml'));
  cpSync(`${FIXTURES}/clean.yaml`, join(dir, 'packages/nested/clean.yml'));
  cpSync(`${FIXTURES}/not-a-package.yaml`, join(dir, 'packages/config.yaml'));
  cpSync(`${FIXTURES}/broken.yaml`, join(dir, 'node_modules/dep/broken.yaml'));
  cpSync(`${FIXTURES}/broken.yaml`, join(dir, '.github/workflows/broken.yaml'));
  writeFileSync(join(dir, 'packages/notes.txt'), 'apiVersion: sinas.co/v1\nkind: SinasPackage\n');
  return dir;
}

describe('sinas-package validate for CI (built CLI)', function () {
  this.timeout(20000);
  let workspace: string;
  before(assertFreshBuild);
  beforeEach(() => (workspace = makeWorkspace()));
  afterEach(() => rmSync(workspace, { recursive: true, force: true }));

  it('a directory is searched recursively: only SinasPackages are checked, the other YAML files are counted as skipped', async () => {
    const result = await runCli(['validate', '--format', 'json', 'packages'], { cwd: workspace });
    const parsed = JSON.parse(result.stdout);
    assert.deepEqual(parsed.files.map((f: { file: string }) => f.file), ['packages/nested/clean.yml', 'packages/variables.sinas.yaml']);
    assert.deepEqual(parsed.summary, { files: 2, errors: 2, warnings: 1, infos: 0, hints: 0, skipped: 1 });
    assert.equal(result.code, 1);
    const text = await runCli(['validate', '.'], { cwd: workspace });
    assert.match(text.stderr, /^3 problems \(2 errors, 1 warning\) in 2 files; 1 YAML file that is not a SinasPackage skipped\n$/);
    assert.doesNotMatch(text.stdout, /node_modules|\.github/, 'node_modules and dot-folders are not searched');
  });

  it('a quoted glob is expanded by the command itself; a glob that matches nothing is a usage error', async () => {
    const result = await runCli(['validate', '--format', 'json', 'packages/**/*.yml'], { cwd: workspace });
    assert.deepEqual(JSON.parse(result.stdout).files.map((f: { file: string }) => f.file), ['packages/nested/clean.yml']);
    assert.equal(result.code, 0);
    assert.deepEqual(await runCli(['validate', 'nothing/**/*.yaml'], { cwd: workspace }), { code: 2, stdout: '', stderr: 'error: no YAML file matches nothing/**/*.yaml\n' });
  });

  it('--format github prints one workflow annotation per finding, escaped, with the code as title', async () => {
    const result = await runCli(['validate', '--format', 'github', 'packages/variables.sinas.yaml'], { cwd: workspace });
    assert.equal(result.code, 1);
    const text = (await runCli(['validate', 'packages/variables.sinas.yaml'], { cwd: workspace })).stdout.trim().split('\n');
    const annotations = result.stdout.trim().split('\n');
    assert.equal(annotations.length, text.length);
    annotations.forEach((annotation, i) => {
      const match = /^::(error|warning|notice) file=([^,]+),line=(\d+),col=(\d+),endLine=(\d+),endColumn=(\d+),title=sinas\(([a-z-]+)\)::(.*)$/.exec(annotation);
      assert.ok(match, annotation);
      const [, command, file, line, col, , , code, message] = match;
      // The same finding as the text line: file:line:col severity code message.
      const [location, severity, textCode] = text[i].split(' ');
      assert.equal(`${file}:${line}:${col}`, location);
      assert.equal(command, severity === 'info' || severity === 'hint' ? 'notice' : severity);
      assert.equal(code, textCode);
      assert.ok(text[i].endsWith(message.replace(/%0A/g, ' ')), `${message} vs ${text[i]}`);
      assert.doesNotMatch(message, /[\r\n]/);
    });
    assert.match(result.stderr, /problems/);
  });

  it('--format github escapes %, line breaks, colons and commas', async () => {
    writeFileSync(join(workspace, 'odd,name:100%.yaml'), readFileSync(`${FIXTURES}/variables.yaml`, 'utf8'));
    const result = await runCli(['validate', '--format', 'github', 'odd,name:100%.yaml'], { cwd: workspace });
    for (const annotation of result.stdout.trim().split('\n')) assert.match(annotation, /file=odd%2Cname%3A100%25\.yaml,line=/);
  });

  it('--format sarif is a valid SARIF 2.1.0 log: every code a rule with help and a link, results with regions and stable fingerprints', async () => {
    const result = await runCli(['validate', '--format', 'sarif', 'packages', `${'packages/config.yaml'}`], { cwd: workspace });
    assert.equal(result.code, 1);
    const log = JSON.parse(result.stdout) as { runs: { tool: { driver: { rules: unknown[] } }; results: SarifResult[]; invocations: { toolExecutionNotifications: unknown[] }[] }[] };
    const schema = JSON.parse(readFileSync('test/fixtures/sarif/sarif-2.1.0-rtm.5.json', 'utf8'));
    // The official schema has a pattern (`language`) that is only valid without the `u` flag.
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));

    const [run] = log.runs;
    const rules = run.tool.driver.rules as { id: string; helpUri: string; help: { text: string }; defaultConfiguration: { level: string } }[];
    assert.deepEqual(rules.map((r) => r.id), Object.keys(CODES));
    for (const rule of rules) {
      assert.equal(rule.helpUri, `https://github.com/sinas-platform/sinas-package-tools/blob/main/README.md#code-${rule.id}`);
      assert.ok(rule.help.text.startsWith(CODES[rule.id as keyof typeof CODES].description));
    }
    const results = run.results as SarifResult[];
    const text = (await runCli(['validate', 'packages'], { cwd: workspace })).stdout.trim().split('\n');
    assert.equal(results.length, text.length);
    for (const r of results) {
      assert.equal(rules[r.ruleIndex].id, r.ruleId);
      const { artifactLocation, region } = r.locations[0].physicalLocation;
      assert.ok(text.includes(`${artifactLocation.uri}:${region.startLine}:${region.startColumn} ${r.level === 'note' ? 'info' : r.level} ${r.ruleId} ${r.message.text}`), JSON.stringify(r));
    }
    // The explicitly named non-package is reported as a notification, not silently dropped.
    assert.match(JSON.stringify(run.invocations[0].toolExecutionNotifications), /packages\/config\.yaml is not a SinasPackage/);
  });

  it('SARIF fingerprints survive lines moving and differ between findings', async () => {
    const fingerprints = async () => {
      const log: { runs: { results: SarifResult[] }[] } = JSON.parse((await runCli(['validate', '--format', 'sarif', 'packages/variables.sinas.yaml'], { cwd: workspace })).stdout);
      return (log.runs[0].results as SarifResult[]).map((r) => [r.ruleId, Object.values(r.partialFingerprints)[0], r.locations[0].physicalLocation.region.startLine]);
    };
    const before = await fingerprints();
    const file = join(workspace, 'packages/variables.sinas.yaml');
    writeFileSync(file, `# a comment\n# and another\n${readFileSync(file, 'utf8')}`);
    const after = await fingerprints();
    assert.deepEqual(after.map(([code, fp]) => [code, fp]), before.map(([code, fp]) => [code, fp]));
    assert.deepEqual(after.map(([, , line]) => line), before.map(([, , line]) => (line as number) + 2));
    assert.equal(new Set(before.map(([, fp]) => fp)).size, before.length);
  });

  it('--max-warnings N fails when there are more than N warnings, and only then', async () => {
    const args = ['validate', 'packages/variables.sinas.yaml', '--severity', 'undeclared-variable=warning', '--severity', 'malformed-expression=warning'];
    assert.equal((await runCli([...args, '--max-warnings', '3'], { cwd: workspace })).code, 0);
    const over = await runCli([...args, '--max-warnings', '2'], { cwd: workspace });
    assert.equal(over.code, 1);
    assert.match(over.stderr, /error: 3 warnings, more than --max-warnings 2\n$/);
    assert.equal((await runCli([...args], { cwd: workspace })).code, 0);
    assert.equal((await runCli([...args, '--max-warnings', 'many'], { cwd: workspace })).code, 2);
  });
});
