/**
 * Both servers as real LSP processes over stdio, driven as an editor drives them: a fresh process
 * opening a document (cold), a second document in the same process (warm), one-character edits as
 * incremental and as full-text changes, completion, and resident memory. Every figure is taken two
 * ways: wall-clock milliseconds (Red Hat's fixed 200 ms validation delay subtracted; ours runs
 * with `delayMs: 0`), and the server process's on-CPU milliseconds over all its threads, which a
 * busy shared machine disturbs far less.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CompletionList } from 'vscode-languageserver-protocol';
import { SERVER_ENV, SERVER_EXEC_ARGV } from '../../server/src/protocol/server-process';
import { SERVER, TestLspClient } from '../support/lsp-client';
import { median } from './measure';

export const YLS_SERVER = join(__dirname, '../../node_modules/yaml-language-server/bin/yaml-language-server');
const FLOOR_SERVER = join(__dirname, 'floor-server.cjs');
const SCHEMA = join(__dirname, '../../schemas/sinas-package.schema.json');
/** yaml-language-server waits this long after a change before validating (not configurable). */
export const YLS_VALIDATION_DELAY_MS = 200;

export type ServerName = 'sinas' | 'yls';

/** A wall-clock and an on-CPU figure (milliseconds). */
export interface Timing {
  wall: number;
  cpu: number;
}

export interface ProtocolFigures {
  coldOpen: Timing;
  warmOpen: Timing;
  incrementalEdit: Timing;
  /** The same typing in the package's description, around the items. */
  headerEdit: Timing;
  /** The same typing at the end of a function's name, which one agent enables (a rename). */
  nameEdit: Timing;
  /** Typing a new key in the last item (a word without its colon: a YAML error until it has one). */
  newKeyEdit: Timing;
  fullTextEdit: Timing;
  /** The editor's own part of a full-text change: writing the message (JSON and UTF-8), timed in this process. */
  fullTextEncodeMs: number;
  completion: Timing;
  /** The same place while a new root key is being typed (a word without its colon yet: a YAML error until it has one). */
  typingCompletion: Timing;
  rssAfterStartMb: number;
  rssAfterOpenMb: number;
}

/** On-CPU time of a process, all threads, in milliseconds (from the scheduler's nanosecond counters). */
export function cpuMs(pid: number): number {
  let ns = 0;
  for (const task of readdirSync(`/proc/${pid}/task`)) {
    try {
      ns += Number(readFileSync(`/proc/${pid}/task/${task}/schedstat`, 'utf8').split(' ')[0]);
    } catch {
      // the thread ended meanwhile
    }
  }
  return ns / 1e6;
}

export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN) / 1024;
}

/** The process's own memory: resident anonymous pages (not Node's executable and libraries, which every Node process maps and shares). */
export function privateMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/RssAnon:\s+(\d+)/.exec(status)?.[1] ?? NaN) / 1024;
}

/** Resident memory of a Node process of this version that loaded nothing, as a baseline. */
export async function bareNodeMb(): Promise<number> {
  const child = spawn(process.execPath, [...SERVER_EXEC_ARGV, '-e', 'setTimeout(() => {}, 60000); process.stdout.write("ready")'], { env: { ...process.env, ...SERVER_ENV }, stdio: ['ignore', 'pipe', 'ignore'] });
  await new Promise((resolve) => child.stdout.once('data', resolve));
  const mb = rssMb(child.pid!);
  child.kill();
  return mb;
}

async function startServer(name: ServerName): Promise<TestLspClient> {
  // Ours as the extension starts it (server-process.ts).
  if (name === 'sinas') return TestLspClient.start('stdio', undefined, SERVER, { configuration: { sinas: { validation: { delayMs: 0 } } }, execArgv: SERVER_EXEC_ARGV, env: SERVER_ENV });
  const yaml = { validate: true, hover: true, completion: true, schemas: { [pathToFileURL(SCHEMA).href]: '*.yaml' } };
  const client = await TestLspClient.start('stdio', undefined, YLS_SERVER, { configuration: { yaml } });
  // It pulls its settings when told they changed.
  await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { yaml } });
  return client;
}

/**
 * The benchmark document: the generated package plus an unknown root key, which both servers
 * report only once they validate against the schema (so a publish without it does not count).
 */
export function benchDocument(text: string): string {
  return text.replace('\nspec:\n', '\nbogusRootKey: true\nspec:\n');
}

const hasSchemaError = (p: { diagnostics: { message: string }[] }) => p.diagnostics.some((d) => d.message.includes('bogusRootKey'));

/** Where the edits type: one character after `Fetches item <n>` in a description near the middle (or the line holding `marker` there). */
function editPoint(text: string, marker = 'description: Fetches item'): { line: number; character: number; offset: number } {
  const lines = text.split('\n');
  const candidates = lines.map((l, i) => (l.includes(marker) ? i : -1)).filter((i) => i >= 0);
  const line = candidates[Math.floor(candidates.length / 2)];
  const character = lines[line].length;
  const offset = lines.slice(0, line).reduce((n, l) => n + l.length + 1, 0) + character;
  return { line, character, offset };
}

/** A new key line at the end of the last resource, as when typing a new field. */
function completionPoint(text: string): { line: number; character: number } {
  return { line: text.split('\n').length - 1, character: 6 };
}

async function timed(pid: number, run: () => Promise<unknown>): Promise<Timing> {
  const cpu = cpuMs(pid);
  const started = performance.now();
  await run();
  return { wall: performance.now() - started, cpu: cpuMs(pid) - cpu };
}

function medianTiming(timings: Timing[], subtractWall = 0): Timing {
  return { wall: Math.max(0, median(timings.map((t) => t.wall)) - subtractWall), cpu: median(timings.map((t) => t.cpu)) };
}

/** A fresh process opening `text`: from spawning it to the first complete diagnostics. */
async function coldOpen(name: ServerName, text: string, uri: string): Promise<Timing> {
  const started = performance.now();
  const client = await startServer(name);
  const pid = client.process.pid!;
  client.open(uri, text);
  await client.waitForDiagnostics(uri, hasSchemaError, 120_000);
  const timing = { wall: performance.now() - started, cpu: cpuMs(pid) };
  await client.stop();
  return timing;
}

/** The benchmark document as the protocol measurements open it: a trailing blank key line for completion (the edit point lies well before it). */
function protocolDocument(generated: string): string {
  return benchDocument(generated).replace(/\n$/, '\n      \n');
}

/** Ours answers in milliseconds at every size: more repeats make its median steady (a collection landing in one of five edits moved it by a third). */
const ourRepeats = (runs: number) => runs * 4 + 1;

/** Typing and deleting one character at `p`, one edit per version, each timed to the diagnostics it brings. */
async function typingTimings(client: TestLspClient, doc: string, p: { line: number; character: number }, repeats: number): Promise<Timing[]> {
  const pid = client.process.pid!;
  const timings: Timing[] = [];
  for (let i = 0; i < repeats; i++) {
    const insert = i % 2 === 0;
    const at = { line: p.line, character: p.character };
    const range = insert ? { start: at, end: at } : { start: at, end: { line: at.line, character: at.character + 1 } };
    timings.push(await timed(pid, async () => {
      const next = client.nextDiagnostics(doc, 120_000);
      client.edit(doc, [{ range, text: insert ? 'x' : '' }]);
      await next;
    }));
  }
  return timings;
}

/** `text` with the character the edits type at `point`. */
function typedAt(text: string, point: { offset: number }): string {
  return text.slice(0, point.offset) + 'x' + text.slice(point.offset);
}

/** The same typing sent as whole texts: `edited` (`text` with the character typed) and `text`, in turn. */
async function fullTextTimings(client: TestLspClient, doc: string, text: string, edited: string, repeats: number): Promise<Timing[]> {
  const pid = client.process.pid!;
  const timings: Timing[] = [];
  for (let i = 0; i < repeats; i++) {
    timings.push(await timed(pid, async () => {
      const next = client.nextDiagnostics(doc, 120_000);
      client.change(doc, i % 2 === 0 ? edited : text);
      await next;
    }));
  }
  return timings;
}

export async function measureProtocol(name: ServerName, generated: string, runs: number): Promise<ProtocolFigures> {
  const text = protocolDocument(generated);
  const uri = (k: string) => `file:///bench/${name}/${k}/package.yaml`;
  const cold: Timing[] = [];
  // Past 30,000 lines one measurement takes seconds (the peer's): fewer repeats keep the run near 10 minutes.
  const large = generated.length > 600_000; // about 22,000 generated lines
  const openRuns = large ? Math.min(runs, 3) : runs;
  const repeats = name === 'sinas' ? ourRepeats(runs) : large ? runs : runs * 2 + 1;
  for (let i = 0; i < openRuns; i++) cold.push(await coldOpen(name, text, uri(`cold-${i}`)));

  const client = await startServer(name);
  const pid = client.process.pid!;
  try {
    const rssAfterStartMb = rssMb(pid);
    // Warm: the process has opened a document before.
    client.open(uri('first'), text);
    await client.waitForDiagnostics(uri('first'), hasSchemaError, 120_000);
    const warm: Timing[] = [];
    for (let i = 0; i < openRuns; i++) {
      const u = uri(`warm-${i}`);
      warm.push(await timed(pid, async () => {
        client.open(u, text);
        await client.waitForDiagnostics(u, hasSchemaError, 120_000);
      }));
      client.close(u);
    }
    const rssAfterOpenMb = rssMb(pid);

    const point = editPoint(text);
    const edited = typedAt(text, point);
    const doc = uri('first');
    const incremental = await typingTimings(client, doc, point, repeats);
    const header = await typingTimings(client, doc, editPoint(text, 'description: A generated package'), repeats);
    const rename = await typingTimings(client, doc, editPoint(text, 'name: fetch_item_'), repeats);
    // The blank key line before the last (see protocolDocument).
    const newKey = await typingTimings(client, doc, { line: text.split('\n').length - 2, character: 6 }, repeats);
    const full = await fullTextTimings(client, doc, text, edited, repeats);
    const encode: number[] = [];
    for (let i = 0; i < repeats; i++) {
      const started = performance.now();
      Buffer.from(JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/didChange', params: { textDocument: { uri: doc, version: i }, contentChanges: [{ text: i % 2 === 0 ? edited : text }] } }));
      encode.push(performance.now() - started);
    }
    const at = completionPoint(text);
    const completions = async (position: { line: number; character: number }) => {
      const timings: Timing[] = [];
      for (let i = 0; i < repeats; i++) {
        timings.push(await timed(pid, async () => {
          const list = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri: doc }, position });
          if (!list || (Array.isArray(list) ? list.length : list.items.length) === 0) throw new Error(`${name}: no completion items`);
        }));
      }
      return timings;
    };
    const completion = await completions(at);
    const word = 'descr';
    const typed = client.nextDiagnostics(doc);
    client.edit(doc, [{ range: { start: { line: at.line, character: 0 }, end: { line: at.line, character: 0 } }, text: word }]);
    await typed;
    const typingCompletion = await completions({ line: at.line, character: word.length });
    client.edit(doc, [{ range: { start: { line: at.line, character: 0 }, end: { line: at.line, character: word.length } }, text: '' }]);
    const delay = name === 'yls' ? YLS_VALIDATION_DELAY_MS : 0;
    return {
      coldOpen: medianTiming(cold),
      warmOpen: medianTiming(warm),
      incrementalEdit: medianTiming(incremental, delay),
      headerEdit: medianTiming(header, delay),
      nameEdit: medianTiming(rename, delay),
      newKeyEdit: medianTiming(newKey, delay),
      fullTextEdit: medianTiming(full, delay),
      fullTextEncodeMs: median(encode),
      completion: medianTiming(completion),
      typingCompletion: medianTiming(typingCompletion),
      rssAfterStartMb,
      rssAfterOpenMb,
    };
  } finally {
    await client.stop();
  }
}

/** The same edits, and as many, to a server that analyses nothing (floor-server.cjs): what the protocol alone costs. */
export interface FloorFigures {
  incrementalEdit: Timing;
  fullTextEdit: Timing;
}

export async function measureFloor(generated: string, runs: number): Promise<FloorFigures> {
  const text = protocolDocument(generated);
  const client = await TestLspClient.start('stdio', undefined, FLOOR_SERVER);
  try {
    const doc = 'file:///bench/floor/package.yaml';
    client.open(doc, text);
    await client.waitForDiagnostics(doc, () => true, 120_000);
    const point = editPoint(text);
    const incremental = await typingTimings(client, doc, point, ourRepeats(runs));
    const full = await fullTextTimings(client, doc, text, typedAt(text, point), ourRepeats(runs));
    return { incrementalEdit: medianTiming(incremental), fullTextEdit: medianTiming(full) };
  } finally {
    await client.stop();
  }
}

export interface MemoryFigures {
  /** Started and initialized, no document open yet. */
  startedMb: number;
  afterOpenMb: number;
  afterEditsMb: number;
  /** The same two, the server's own pages only (see privateMb). */
  afterOpenPrivateMb: number;
  afterEditsPrivateMb: number;
  /** Two seconds after the last edit, once the server has collected while idle (lsp/idle-collection.ts). */
  atRestMb: number;
  atRestPrivateMb: number;
}

/**
 * Resident memory of our server with a document open, and after `edits` incremental edits to it.
 * "Open" is once the server has also loaded the parsers of the languages inside the package and
 * published again (what a user's server holds a moment after opening the file).
 */
export async function measureMemory(generated: string, edits: number): Promise<MemoryFigures> {
  const text = benchDocument(generated);
  const client = await startServer('sinas');
  const pid = client.process.pid!;
  try {
    const startedMb = rssMb(pid);
    const doc = 'file:///bench/memory/package.yaml';
    client.open(doc, text);
    await client.waitForDiagnostics(doc, hasSchemaError, 120_000);
    // The second publication, after the embedded parsers have loaded (none if nothing needed them).
    await client.nextDiagnostics(doc, 5_000).catch(() => undefined);
    const afterOpenMb = rssMb(pid);
    const afterOpenPrivateMb = privateMb(pid);
    const point = editPoint(text);
    for (let i = 0; i < edits; i++) {
      const insert = i % 2 === 0;
      const at = { line: point.line, character: point.character };
      const next = client.nextDiagnostics(doc);
      client.edit(doc, [{ range: insert ? { start: at, end: at } : { start: at, end: { line: at.line, character: at.character + 1 } }, text: insert ? 'x' : '' }]);
      await next;
    }
    const afterEditsMb = rssMb(pid);
    const afterEditsPrivateMb = privateMb(pid);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    return { startedMb, afterOpenMb, afterEditsMb, afterOpenPrivateMb, afterEditsPrivateMb, atRestMb: rssMb(pid), atRestPrivateMb: privateMb(pid) };
  } finally {
    await client.stop();
  }
}
