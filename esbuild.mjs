// Bundles the extension (client), the language server and the CLI into dist/,
// plus the real-VS-Code test suite into out/. `--production` minifies; `--watch` rebuilds.
import * as esbuild from 'esbuild';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));

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
  { ...common, entryPoints: { extension: 'client/src/extension.ts' }, outdir: 'dist', external: ['vscode'] },
  { ...common, entryPoints: { server: 'server/src/lsp/main.ts' }, outdir: 'dist' },
  { ...common, entryPoints: { sandbox: 'test/sandbox/main.ts' }, outdir: 'dist' },
  {
    ...common,
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
