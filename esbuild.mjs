// Bundles the extension (client, with its lazily loaded parts), the language server and the CLI
// into dist/, plus the real-VS-Code test suite into out/. `--production` minifies; `--watch` rebuilds.
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { createRequire, Module } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/**
 * Validators are generated here, once per build, and replace the modules that compile them at run
 * time in every bundle: the package schema's (server/src/core/schema/compile-validators.ts) and
 * the JSON Schema meta-schemas' (server/src/core/embedded/json-schema/meta-schema-validators.ts).
 */
const GENERATED = [
  { replaces: /[\\/]server[\\/]src[\\/]core[\\/]schema[\\/]compile-validators\.ts$/, generator: 'server/src/core/schema/standalone-validators.ts', source: 'standaloneValidatorsSource' },
  { replaces: /[\\/]server[\\/]src[\\/]core[\\/]embedded[\\/]json-schema[\\/]meta-schema-validators\.ts$/, generator: 'server/src/core/embedded/json-schema/standalone-meta-schemas.ts', source: 'standaloneMetaSchemasSource' },
];
const generatedSources = new Map();
function generatedSource({ generator: path, source }) {
  if (!generatedSources.has(path)) {
    generatedSources.set(path, (async () => {
      const generator = resolve(path);
      const built = await esbuild.build({ entryPoints: [generator], bundle: true, platform: 'node', format: 'cjs', write: false, packages: 'external', logLevel: 'warning' });
      const module = new Module(generator);
      module.filename = generator;
      module.paths = Module._nodeModulePaths(dirname(generator));
      module._compile(built.outputFiles[0].text, generator);
      return module.exports[source]();
    })());
  }
  return generatedSources.get(path);
}

const generatedValidators = {
  name: 'generated-validators',
  setup(build) {
    for (const generated of GENERATED) {
      build.onLoad({ filter: generated.replaces }, async (args) => ({ contents: await generatedSource(generated), loader: 'js', resolveDir: dirname(args.path) }));
    }
  },
};

/**
 * pyright's parser (Python in function `code`) carries its messages in 15 languages; ours are
 * English, so only en-us is bundled (pyright falls back to it for every locale).
 */
const englishOnly = {
  name: 'pyright-english-only',
  setup(build) {
    build.onLoad({ filter: /[\\/]localization[\\/]package\.nls\.[\w-]+\.json$/ }, (args) =>
      args.path.endsWith('package.nls.en-us.json') ? undefined : { contents: '{}', loader: 'json' },
    );
  },
};

/**
 * The embedded-language parsers (Python, PostgreSQL, Jinja2) are bundles of their own in
 * dist/parsers/, which the server, the CLI and the sandbox `require` on first need: they are
 * about as large as the server itself and must not slow its start. Their WebAssembly lies
 * beside them (the loaders look in their own `__dirname`).
 */
const PARSERS = {
  python: 'server/src/core/embedded/python/parse-python.ts',
  sql: 'server/src/core/embedded/sql/parse-sql.ts',
  jinja: 'server/src/core/embedded/jinja/parse-jinja.ts',
};
const separateParsers = {
  name: 'separate-parsers',
  setup(build) {
    build.onResolve({ filter: /^\.\/(python\/parse-python|sql\/parse-sql|jinja\/parse-jinja)$/ }, (args) =>
      args.importer.endsWith(join('embedded', 'parsers.ts')) ? { path: `./parsers/${args.path.split('/').pop()}.js`, external: true } : undefined,
    );
  },
};
const require = createRequire(import.meta.url);
const WASM = [
  join(dirname(require.resolve('libpg-query')), 'libpg-query.wasm'),
  join(dirname(require.resolve('minijinja-js')), 'minijinja_js_bg.wasm'),
];
mkdirSync('dist/parsers', { recursive: true });
for (const file of WASM) copyFileSync(file, join('dist/parsers', file.split(/[\\/]/).pop()));

/**
 * `yaml` ships two builds of one source. Node's reads `process.env.LOG_TOKENS` for every token it
 * parses, a call into C++ (about 0.2 µs: 120 ms of the first analysis of a 100,000-line package,
 * and some of every edit); the browser build, which every bundle takes instead, has no such
 * reads. They differ in nothing else but how a warning is printed (only `toJS` warns; we never
 * call it).
 */
const YAML_BROWSER_BUILD = join(dirname(require.resolve('yaml/package.json')), 'browser', 'index.js');
const yamlBrowserBuild = {
  name: 'yaml-browser-build',
  setup(build) {
    build.onResolve({ filter: /^yaml$/ }, () => ({ path: YAML_BROWSER_BUILD }));
  },
};

/**
 * re2js (the linear-time regex engine behind variable `pattern` checks) is one shared file,
 * dist/re2.js, that the bundles below require on first use instead of each carrying a copy.
 */
const sharedRe2 = {
  name: 'shared-re2',
  setup(build) {
    build.onResolve({ filter: /^re2js$/ }, () => ({ path: './re2.js', external: true }));
  },
};

/**
 * Code the extension and the CLI load only when needed lives in bundles of its own, required at
 * run time from dist/ (a bundled `require` would be parsed at activation whether used or not):
 * the language client (loaded when a package is opened) and undici (on the first request); and
 * `yaml` in the extension (lazyYaml below).
 */
const LAZY = { './language-client.js': 'client/src/language-client.ts', undici: 'undici' };
const lazyBundles = {
  name: 'lazy-bundles',
  setup(build) {
    build.onResolve({ filter: /^(\.\/language-client\.js|undici)$/ }, (args) => ({ path: args.path === 'undici' ? './undici.js' : args.path, external: true }));
  },
};

/** The source of a module with `names` as exports whose first use requires `target` (and reads the export from it). */
function standIn(names, target) {
  return `let loaded;\nfor (const name of ${JSON.stringify(names)}) Object.defineProperty(exports, name, { enumerable: true, get: () => (loaded ??= require(${JSON.stringify(target)}))[name] });\n`;
}

/**
 * The extension parses YAML only in commands and views (preview, install, create, an installed
 * package's contents), never while activating: there `yaml` resolves to a stand-in with the
 * library's export names whose first use loads dist/yaml.js (the library, bundled on its own).
 */
const YAML_EXPORTS = Object.keys(require('yaml'));
const lazyYaml = {
  name: 'lazy-yaml',
  setup(build) {
    build.onResolve({ filter: /^yaml$/ }, () => ({ path: 'yaml', namespace: 'lazy-yaml' }));
    build.onResolve({ filter: /^\.\/yaml\.js$/ }, (args) => ({ path: args.path, external: true }));
    build.onLoad({ filter: /.*/, namespace: 'lazy-yaml' }, () => ({ contents: standIn(YAML_EXPORTS, './yaml.js'), loader: 'js' }));
  },
};

/**
 * Node modules the language server may never use, loaded on first use instead of at its start:
 * vscode-jsonrpc's pipe and socket transports (crypto, os), vscode-languageserver's global module
 * lookup (child_process), the workspace scan (fs/promises) and the idle collection's fallback for
 * a Node started without `--expose-gc` (v8, vm). Each one a server over stdio never touches costs
 * resident memory (crypto alone loads some twenty internal modules).
 */
const LAZY_BUILTINS = ['crypto', 'os', 'child_process', 'fs/promises', 'v8', 'vm'];
const lazyBuiltins = {
  name: 'lazy-builtins',
  setup(build) {
    const filter = new RegExp(`^(node:)?(${LAZY_BUILTINS.join('|').replace(/\//g, '\\/')})$`);
    build.onResolve({ filter }, (args) =>
      // The stand-in's own `require` is of the real module.
      args.namespace === 'lazy-builtin' ? { path: args.path, external: true } : { path: `node:${args.path.replace(/^node:/, '')}`, namespace: 'lazy-builtin' },
    );
    build.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, (args) => ({ contents: standIn(Object.keys(require(args.path)), args.path), loader: 'js' }));
  },
};

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
  plugins: [englishOnly, generatedValidators, yamlBrowserBuild],
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
  { ...common, entryPoints: { re2: 'node_modules/re2js/build/index.cjs' }, outdir: 'dist', sourcemap: false },
  { ...common, entryPoints: { extension: 'client/src/extension.ts' }, outdir: 'dist', external: ['vscode'], plugins: [lazyYaml, ...common.plugins, sharedRe2, lazyBundles] },
  { ...common, entryPoints: { 'language-client': LAZY['./language-client.js'] }, outdir: 'dist', external: ['vscode'], plugins: [...common.plugins, sharedRe2] },
  { ...common, stdin: { contents: `module.exports = require('${LAZY.undici}');`, resolveDir: '.', sourcefile: 'undici.js' }, outfile: 'dist/undici.js' },
  { ...common, stdin: { contents: "module.exports = require('yaml');", resolveDir: '.', sourcefile: 'yaml.js' }, outfile: 'dist/yaml.js' },
  { ...common, entryPoints: { server: 'server/src/lsp/main.ts' }, outdir: 'dist', plugins: [...common.plugins, separateParsers, sharedRe2, lazyBuiltins] },
  { ...common, entryPoints: { sandbox: 'test/sandbox/main.ts' }, outdir: 'dist', plugins: [...common.plugins, separateParsers, sharedRe2] },
  {
    ...common,
    entryPoints: Object.fromEntries(Object.entries(PARSERS).map(([name, path]) => [`parse-${name}`, path])),
    outdir: 'dist/parsers',
    entryNames: '[name]',
  },
  {
    ...common,
    plugins: [...common.plugins, separateParsers, sharedRe2, lazyBundles],
    entryPoints: { cli: 'cli/src/main.ts' },
    outdir: 'dist',
    // ES modules among the dependencies (tinyglobby's fdir) read import.meta.url, which a CJS bundle lacks.
    banner: { js: "#!/usr/bin/env node\nconst __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
    define: { ...common.define, 'import.meta.url': '__importMetaUrl' },
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
