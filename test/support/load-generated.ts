/**
 * Loads source generated at build time (esbuild.mjs) as the module it replaces in the bundles:
 * same file name and directory, so its `require`s reach the same modules (and schema objects) the
 * rest of the core uses.
 */
import { Module } from 'node:module';
import { dirname } from 'node:path';

export function loadGenerated<T>(source: string, replacedFile: string): T {
  const file = replacedFile.replace(/\.ts$/, '.generated.js');
  const module = new Module(file) as Module & { _compile(code: string, file: string): void; paths: string[] };
  module.filename = file;
  module.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(dirname(file));
  module._compile(source, file);
  return module.exports as T;
}
