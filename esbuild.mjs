// Bundles the extension (client, with its lazily loaded parts), the language server and the CLI
// into dist/, plus the real-VS-Code test suite into out/. `--production` minifies; `--watch` rebuilds.
import * as esbuild from 'esbuild';
import { readdirSync, statSync } from 'node:fs';
import { Module } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));

/**
 * The schema's validators are generated here, once per build, and replace
 * server/src/core/schema/compile-validators.ts (which compiles them at run time) in every bundle.
 */
let validatorsSource;
function standaloneValidators() {
  validatorsSource ??= (async () => {
    const generator = resolve('server/src/core/schema/standalone-validators.ts');
    const built = await esbuild.build({ entryPoints: [generator], bundle: true, platform: 'node', format: 'cjs', write: false, packages: 'external', logLevel: 'warning' });
    const module = new Module(generator);
    module.filename = generator;
    module.paths = Module._nodeModulePaths(dirname(generator));
    module._compile(built.outputFiles[0].text, generator);
    return module.exports.standaloneValidatorsSource();
  })();
  return validatorsSource;
}

const generatedValidators = {
  name: 'generated-validators',
  setup(build) {
    build.onLoad({ filter: /[\\/]server[\\/]src[\\/]core[\\/]schema[\\/]compile-validators\.ts$/ }, async (args) => ({
      contents: await standaloneValidators(),
      loader: 'js',
      resolveDir: dirname(args.path),
    }));
  },
};

/**
 * Code the extension and the CLI load only when needed lives in bundles of its own, required at
 * run time from dist/ (a bundled `require` would be parsed at activation whether used or not):
 * the language client (loaded when a package is opened) and undici (on the first request).
 */
const LAZY = { './language-client.js': 'client/src/language-client.ts', undici: 'undici' };
const lazyBundles = {
  name: 'lazy-bundles',
  setup(build) {
    build.onResolve({ filter: /^(\.\/language-client\.js|undici)$/ }, (args) => ({ path: args.path === 'undici' ? './undici.js' : args.path, external: true }));
  },
};

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
  define: { __VERSION__: JSON.stringify(version) },
  plugins: [generatedValidators],
};

/** Every *.test.ts below dir, so the in-VS-Code suite needs no runtime glob. */
function testFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return testFiles(path);
    return name.endsWith('.test.ts') ? [path] : [];
  });
}

const builds = [
  { ...common, entryPoints: { extension: 'client/src/extension.ts' }, outdir: 'dist', external: ['vscode'], plugins: [...common.plugins, lazyBundles] },
  { ...common, entryPoints: { 'language-client': LAZY['./language-client.js'] }, outdir: 'dist', external: ['vscode'] },
  { ...common, stdin: { contents: `module.exports = require('${LAZY.undici}');`, resolveDir: '.', sourcefile: 'undici.js' }, outfile: 'dist/undici.js' },
  { ...common, entryPoints: { server: 'server/src/lsp/main.ts' }, outdir: 'dist' },
  { ...common, entryPoints: { sandbox: 'test/sandbox/main.ts' }, outdir: 'dist' },
  {
    ...common,
    entryPoints: { cli: 'cli/src/main.ts' },
    outdir: 'dist',
    banner: { js: '#!/usr/bin/env node' },
    plugins: [...common.plugins, lazyBundles],
  },
  {
    // Runs inside the VS Code extension host; mocha and vscode come from there / node_modules.
    ...common,
    minify: false,
    entryPoints: ['test/vscode/index.ts', ...testFiles('test/vscode/suite')],
    outdir: 'out/test/vscode',
    outbase: 'test/vscode',
    bundle: true,
    external: ['vscode', 'mocha'],
  },
];

if (watch) {
  for (const options of builds) (await esbuild.context(options)).watch();
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
