// One fresh process of the activation measurement (activation.ts): `require` of the extension's
// bundle and its activate() with the stubbed VS Code API (vscode-stub.cjs), timed; then which of
// the bundle directory's files were evaluated by then, with their sizes. Prints one JSON line.
'use strict';
const { statSync } = require('node:fs');
const Module = require('node:module');
const { dirname, join, relative } = require('node:path');

const [bundle] = process.argv.slice(2);
const stub = require('./vscode-stub.cjs');
const load = Module._load;
Module._load = function (request, ...rest) {
  return request === 'vscode' ? stub : load.call(this, request, ...rest);
};

const secrets = new Map();
const memento = () => {
  const values = new Map();
  return { get: (key, fallback) => (values.has(key) ? values.get(key) : fallback), update: async (key, value) => void values.set(key, value), keys: () => [...values.keys()] };
};
const dir = dirname(bundle);
const packageJSON = require('../../package.json');
const context = {
  subscriptions: [],
  extension: { id: `${packageJSON.publisher}.${packageJSON.name}`, packageJSON, extensionPath: dir, extensionUri: stub.Uri.file(dir) },
  extensionPath: dir,
  extensionUri: stub.Uri.file(dir),
  extensionMode: 1,
  asAbsolutePath: (path) => join(dir, path),
  globalState: memento(),
  workspaceState: memento(),
  secrets: { get: async (key) => secrets.get(key), store: async (key, value) => void secrets.set(key, value), delete: async (key) => void secrets.delete(key), onDidChange: () => ({ dispose() {} }) },
  environmentVariableCollection: { replace() {}, clear() {} },
  logUri: stub.Uri.file(join(dir, 'logs')),
  globalStorageUri: stub.Uri.file(join(dir, 'global')),
  storageUri: undefined,
};

const started = performance.now();
const cpu = process.cpuUsage();
const extension = require(bundle);
Promise.resolve(extension.activate(context)).then(() => {
  const ms = performance.now() - started;
  const { user, system } = process.cpuUsage(cpu);
  const files = Object.keys(require.cache)
    .filter((file) => file.startsWith(dir))
    .map((file) => ({ file: relative(dir, file), bytes: statSync(file).size }));
  process.stdout.write(`${JSON.stringify({ ms, cpuMs: (user + system) / 1000, files })}\n`);
  process.exit(0);
});
