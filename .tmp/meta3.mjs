import * as esbuild from 'esbuild';
const lazy = { name: 'l', setup(b) { b.onResolve({ filter: /^(\.\/language-client\.js|undici)$/ }, (a) => ({ path: a.path, external: true })); } };
const r = await esbuild.build({ entryPoints: ['client/src/extension.ts'], bundle: true, platform: 'node', target: 'node20', format: 'cjs', minify: true, write: false, metafile: true, outdir: '/tmp/metaout', external: ['vscode'], plugins: [lazy] });
const byPkg = {};
for (const [file, info] of Object.entries(Object.values(r.metafile.outputs)[0].inputs)) {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file); const k = m ? m[1] : file.split('/').slice(0, 3).join('/');
  byPkg[k] = (byPkg[k] ?? 0) + info.bytesInOutput;
}
console.log(Object.entries(byPkg).sort((a, b) => b[1] - a[1]).slice(0, 14).map(([k, v]) => `${(v / 1024).toFixed(0).padStart(5)} KB ${k}`).join('\n'));
