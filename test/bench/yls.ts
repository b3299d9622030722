/** yaml-language-server (Red Hat) in-process, configured with our schema for the same documents. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService, type LanguageService } from 'yaml-language-server';

const SCHEMA_PATH = join(__dirname, '../../schemas/sinas-package.schema.json');

export function createYls(): LanguageService {
  const schema = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8'));
  const service = getLanguageService({
    schemaRequestService: async () => JSON.stringify(schema),
    workspaceContext: { resolveRelativePath: (relativePath: string) => relativePath },
  });
  service.configure({
    validate: true,
    completion: true,
    hover: true,
    schemas: [{ uri: 'file:///sinas-package.schema.json', fileMatch: ['*.yaml'], schema }],
  });
  return service;
}

export function ylsDocument(text: string, version: number): TextDocument {
  return TextDocument.create('file:///bench/package.yaml', 'yaml', version, text);
}
