/**
 * The fuzzer behind `npm run fuzz` and the short run inside `npm test` (test/lsp/fuzz.test.ts):
 * mutated real packages and examples plus hostile documents, opened in the BUILT server over
 * LSP, edited with incremental changes (ranges past the end of a line or of the document
 * included), and asked for hover, completion, symbols and folding after each edit. It counts
 * crashes, unanswered requests and requests slower than 1 s, compares the diagnostics after each
 * edit session with those of a fresh open of the same text, and checks the chunked-versus-whole
 * parse contract in process. Seeded: the same seed replays the same run.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze } from '../../server/src/core/analyze';
import { yamlBreaks } from '../../server/src/core/parse/line-breaks';
import { DocumentParser } from '../../server/src/core/parse/parse-document';
import { parseRegion } from '../../server/src/core/parse/parse-region';
import { SERVER_ENV, SERVER_EXEC_ARGV } from '../../server/src/protocol/server-process';
import { DEFAULT_SETTINGS } from '../../server/src/protocol/settings';
import { TestLspClient } from '../support/lsp-client';
import { hostileDocuments } from './hostile';

export interface FuzzOptions {
  seed: number;
  /** Documents to open (each with an edit session). */
  documents: number;
  editsPerDocument: number;
  /** Stop opening new documents after this long. */
  seconds: number;
  /** Include the large hostile documents (the 3,000-variable one takes seconds to open). */
  large: boolean;
  /** Budget for a request on an ordinary document (default REQUEST_BUDGET_MS). */
  budgetMs?: number;
  /** Budget for a request on a hostile document (default: the ordinary budget). */
  hostileBudgetMs?: number;
  log?: (line: string) => void;
}

export interface FuzzReport {
  seed: number;
  documents: number;
  edits: number;
  requests: number;
  crashes: number;
  unanswered: number;
  slowRequests: { method: string; ms: number; document: string }[];
  unansweredAt: string[];
  slowestMs: number;
  /** The request that took slowestMs, and on which document. */
  slowestAt: string;
  sessionMismatches: string[];
  invalidYaml: number;
  chunkedDiffers: number;
  contractBreaks: string[];
  seconds: number;
}

/** A request is "slow" past this; diagnostics of a fresh open may take longer (cold analysis). */
export const REQUEST_BUDGET_MS = 1000;
const ANSWER_TIMEOUT_MS = 30_000;
/** sinas.validation.typingPauseMs as the fuzzer leaves it (the default). */
const TYPING_PAUSE_MS = DEFAULT_SETTINGS.validation.typingPauseMs;
const ROOT = join(__dirname, '../..');

/** Deterministic pseudo-random numbers (the run's seed makes every choice). */
export function random(seed: number) {
  let s = seed >>> 0 || 1;
  const next = () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)] };
}
type Random = ReturnType<typeof random>;

function sources(): { name: string; text: string }[] {
  const dirs = ['examples', 'test/fixtures/corpus'];
  return dirs.flatMap((dir) =>
    readdirSync(join(ROOT, dir))
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => ({ name: `${dir}/${f}`, text: readFileSync(join(ROOT, dir, f), 'utf8') })),
  );
}

const INSERTS = ['x', '', '\n', '  ', '- ', ': ', '#', '"', "'", '\t', '---\n', '{', '}', '[', ']', '|', '>', '? ', '&a ', '*a', '!!str ', '%', '@', '`', ',', '\\',
  '${{ vars.', '${{ vars.X }}', '}}', '${{', '\u0000', '\ufeff', '\ud800', '😀', '\r\n', '\r', '\n  - name: n\n', 'pattern: "^(a+)+$"\n'];

/** A few random insertions, deletions and replacements. */
export function mutate(text: string, rnd: Random): string {
  let out = text;
  for (let k = rnd.int(4); k >= 0; k--) {
    const at = rnd.int(out.length + 1);
    const remove = rnd.next() < 0.4 ? rnd.int(12) : 0;
    const insert = rnd.next() < 0.1 ? String.fromCharCode(rnd.int(0x3000)) : rnd.pick(INSERTS);
    out = out.slice(0, at) + insert + out.slice(at + remove);
  }
  return out;
}

/** An incremental change, sometimes with a range past the end of a line or of the document. */
function randomChange(doc: TextDocument, rnd: Random) {
  const lines = doc.lineCount;
  const position = () => {
    const line = rnd.next() < 0.1 ? lines + rnd.int(5) : rnd.int(lines);
    return { line, character: rnd.next() < 0.1 ? 1000 + rnd.int(100) : rnd.int(80) };
  };
  const start = position();
  const end = rnd.next() < 0.7 ? { line: start.line, character: start.character + rnd.int(8) } : position();
  const ordered = end.line < start.line || (end.line === start.line && end.character < start.character) ? { start: end, end: start } : { start, end };
  return { range: ordered, text: rnd.next() < 0.8 ? rnd.pick(INSERTS) : mutate('', rnd) };
}

const key = (d: Diagnostic) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.code} ${d.message}`;
const sortedKeys = (p: PublishDiagnosticsParams) => p.diagnostics.map(key).sort();

export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const rnd = random(options.seed);
  const log = options.log ?? (() => {});
  const report: FuzzReport = {
    seed: options.seed, documents: 0, edits: 0, requests: 0, crashes: 0, unanswered: 0, unansweredAt: [], slowRequests: [], slowestMs: 0, slowestAt: '',
    sessionMismatches: [], invalidYaml: 0, chunkedDiffers: 0, contractBreaks: [], seconds: 0,
  };
  const started = Date.now();
  const pool = [...sources(), ...hostileDocuments(options.large)];
  // The server's Node process as the extension starts it (its memory flags make collections more frequent).
  const startServer = () => TestLspClient.start('stdio', undefined, undefined, { execArgv: SERVER_EXEC_ARGV, env: SERVER_ENV });
  let client = await startServer();
  let exited = false;
  const watch = (c: TestLspClient) => c.process.once('exit', () => (exited = true));
  watch(client);

  /** With SINAS_FUZZ_KEEP_SLOW set: the text a slow request was asked about, for replay. */
  let keepSlow: ((method: string, ms: number) => void) | undefined;
  const timed = async <R>(method: string, params: unknown, document: string, budget: number): Promise<R | undefined> => {
    report.requests++;
    const t = performance.now();
    try {
      const result = await Promise.race([
        client.request<R>(method, params),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error('unanswered')), ANSWER_TIMEOUT_MS).unref()),
      ]);
      const ms = performance.now() - t;
      if (ms > report.slowestMs) {
        report.slowestMs = ms;
        report.slowestAt = `${method} on ${document}`;
      }
      if (ms > budget) {
        report.slowRequests.push({ method, ms: Math.round(ms), document });
        if (process.env.SINAS_FUZZ_KEEP_SLOW) keepSlow?.(method, Math.round(ms));
      }
      return result;
    } catch (error) {
      if ((error as Error).message === 'unanswered') {
        report.unanswered++;
        report.unansweredAt.push(`${method} on ${document}`);
      }
      return undefined;
    }
  };
  // Diagnostics come only for SinasPackages (nothing runs for other YAML): for other texts the
  // server is asked a question instead, which it must answer, and the diagnostics count as none.
  // Whether a text is one is the core's verdict (a header mangled to `kind: SinasPackage\` is not).
  const diagnosticsFor = async (uri: string, version: number, document: string, text: string) => {
    if (!analyze(text).isSinasPackage) {
      await timed('textDocument/documentSymbol', { textDocument: { uri } }, document, Infinity);
      return { uri, version, diagnostics: [] };
    }
    try {
      return await client.waitForDiagnostics(uri, (p) => p.version === version, ANSWER_TIMEOUT_MS);
    } catch {
      // Kept for replay: the text whose diagnostics never came.
      const file = join(ROOT, 'test-results/fuzz', `unanswered-${options.seed}-${uri.replace(/\W+/g, '_')}-v${version}.yaml`);
      mkdirSync(join(ROOT, 'test-results/fuzz'), { recursive: true });
      writeFileSync(file, text);
      report.unanswered++;
      report.unansweredAt.push(`diagnostics of version ${version} of ${document} (${file})`);
      return undefined;
    }
  };

  for (let n = 0; n < options.documents && Date.now() - started < options.seconds * 1000; n++) {
    const source = pool[n < pool.length ? n : rnd.int(pool.length)];
    const initial = n < pool.length && source.name.startsWith('hostile:') ? source.text : mutate(source.text, rnd);
    checkContract(initial, report, `document ${n} (${source.name})`, `contract-${options.seed}-${n}.yaml`);
    const label = `document ${n} (${source.name})`;
    const ordinary = options.budgetMs ?? REQUEST_BUDGET_MS;
    const budget = source.name.startsWith('hostile:') ? (options.hostileBudgetMs ?? ordinary) : ordinary;
    const uri = `file:///fuzz/${n}.sinas.yaml`;
    let doc = TextDocument.create(uri, 'yaml', 1, initial);
    const changes: unknown[] = [];
    report.documents++;
    client.open(uri, initial);
    await diagnosticsFor(uri, 1, label, initial);
    keepSlow = (method, ms) => {
      mkdirSync(join(ROOT, 'test-results/fuzz'), { recursive: true });
      writeFileSync(join(ROOT, 'test-results/fuzz', `slow-${options.seed}-${n}-v${doc.version}-${method.replace(/\W+/g, '_')}-${ms}ms.yaml`), doc.getText());
    };
    // Every fourth session sends full texts, as vim-lsp and kak-lsp do (the server compares each
    // with the last one: server/src/lsp/full-text/); the random sequence is the same either way.
    const fullTexts = n % 4 === 3;
    for (let e = 0; e < options.editsPerDocument && !exited; e++) {
      const change = randomChange(doc, rnd);
      // Each version made afresh: `TextDocument.update` keeps a wrong line table after a range that
      // starts past the last line and spans lines (vscode-languageserver-textdocument 1.0.12: 15
      // lines counted as 20), and the fresh open compared at the end would read another text.
      doc = TextDocument.create(uri, 'yaml', doc.version + 1, TextDocument.applyEdits(doc, [{ range: change.range, newText: change.text }]));
      changes.push(change);
      void client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: doc.version }, contentChanges: [fullTexts ? { text: doc.getText() } : change] });
      report.edits++;
      const position = { line: rnd.int(doc.lineCount + 2), character: rnd.int(60) };
      const textDocument = { uri };
      await timed('textDocument/hover', { textDocument, position }, label, budget);
      await timed('textDocument/completion', { textDocument, position }, label, budget);
      if (e % 4 === 0) {
        await timed('textDocument/documentSymbol', { textDocument }, label, budget);
        await timed('textDocument/foldingRange', { textDocument }, label, budget);
      }
    }
    let edited = await diagnosticsFor(uri, doc.version, label, doc.getText());
    // The same text, opened fresh: its diagnostics must be those the edit session ended with.
    const freshUri = `file:///fuzz/${n}-fresh.sinas.yaml`;
    client.open(freshUri, doc.getText());
    const fresh = await diagnosticsFor(freshUri, 1, `${label}, opened fresh`, doc.getText());
    client.close(freshUri);
    const same = (p: PublishDiagnosticsParams) => JSON.stringify(sortedKeys(p)) === JSON.stringify(sortedKeys(fresh!));
    if (edited && fresh && !same(edited)) {
      // A new finding on the line of the last edit is held until typing pauses (server/src/lsp/
      // typing.ts): the session ends with the version's publication after that pause.
      edited = await client.waitForDiagnostics(uri, (p) => p.version === doc.version && same(p), TYPING_PAUSE_MS + ANSWER_TIMEOUT_MS).catch(() => client.latest.get(uri));
    }
    client.close(uri);
    if (edited && fresh && !same(edited)) {
      // Kept for replay: the opened text, the changes, and both sets of diagnostics.
      const file = join(ROOT, 'test-results/fuzz', `mismatch-${options.seed}-${n}.json`);
      mkdirSync(join(ROOT, 'test-results/fuzz'), { recursive: true });
      writeFileSync(file, JSON.stringify({ initial, changes, edited: sortedKeys(edited), fresh: sortedKeys(fresh) }));
      report.sessionMismatches.push(`${label}, ${options.editsPerDocument} edits (${file})`);
    }
    checkContract(doc.getText(), report, `document ${n} after edits`, `contract-${options.seed}-${n}-edited.yaml`);
    if (exited) {
      report.crashes++;
      log(`the server exited during document ${n} (${source.name}); restarting it`);
      client = await startServer();
      exited = false;
      watch(client);
    }
  }
  await client.stop();
  report.seconds = Math.round((Date.now() - started) / 100) / 10;
  return report;
}

/** Chunked versus whole parse (README "Speed"): a syntax error in one exactly when in the other; a text that breaks it is kept as `keepAs`. */
function checkContract(text: string, report: FuzzReport, label: string, keepAs: string): void {
  if (text.length > 200_000) return;
  const syntax = (findings: { code: string; span: { start: number; end: number }; message: string }[]) =>
    findings.filter((f) => f.code === 'yaml-syntax').map((f) => `${f.span.start}:${f.span.end}:${f.message}`);
  // The whole text as the document parser reads it: a lone `\r`, NEL, LS or PS breaks a line for PyYAML.
  const whole = syntax(parseRegion(yamlBreaks(text)).findings);
  const chunked = syntax(new DocumentParser().parse(text).findings);
  if (whole.length) report.invalidYaml++;
  if (whole.length && JSON.stringify(whole) !== JSON.stringify(chunked)) report.chunkedDiffers++;
  if ((whole.length > 0) !== (chunked.length > 0)) {
    const file = join(ROOT, 'test-results/fuzz', keepAs);
    mkdirSync(join(ROOT, 'test-results/fuzz'), { recursive: true });
    writeFileSync(file, text);
    report.contractBreaks.push(`${label}: whole ${whole.length} errors, chunked ${chunked.length} (${file})`);
  }
}

/** The failures of a report, as lines (empty: the run passed). */
export function failures(report: FuzzReport): string[] {
  const out: string[] = [];
  if (report.crashes) out.push(`${report.crashes} server crash(es)`);
  for (const u of report.unansweredAt) out.push(`unanswered within ${ANSWER_TIMEOUT_MS / 1000} s: ${u}`);
  for (const s of report.slowRequests) out.push(`${s.method} took ${s.ms} ms on ${s.document}`);
  for (const m of report.sessionMismatches) out.push(`diagnostics after the edit session differ from a fresh open: ${m}`);
  for (const c of report.contractBreaks) out.push(`chunked/whole contract broken: ${c}`);
  return out;
}

export function summary(report: FuzzReport): string {
  return (
    `seed ${report.seed}: ${report.documents} documents, ${report.edits} edits, ${report.requests} requests in ${report.seconds} s; ` +
    `${report.crashes} crashes, ${report.unanswered} unanswered, ${report.slowRequests.length} over budget (slowest ${Math.round(report.slowestMs)} ms: ${report.slowestAt}), ` +
    `${report.sessionMismatches.length} edit-session mismatches; ${report.invalidYaml} invalid YAML texts, ${report.chunkedDiffers} with errors placed or worded ` +
    `otherwise than a whole parse, ${report.contractBreaks.length} contract breaks`
  );
}
