/**
 * Coexistence with Red Hat YAML (redhat.vscode-yaml). Our schema is contributed through
 * `yamlValidation` for everyone; but when our own language server is running, Red Hat YAML
 * validating the same SinasPackage would duplicate every diagnostic and completion. Through its
 * schema-contributor API (which wins over file associations) we hand it an empty schema for
 * documents our server owns (as its package facts say; by content for one it has not analysed yet).
 */
import * as vscode from 'vscode';
import { looksLikeSinasPackage } from '../../server/src/core/detect';

export const RED_HAT_YAML_ID = 'redhat.vscode-yaml';
const EMPTY_SCHEMA_URI = 'sinas-package-schema://sinas/sinas-package.json';
/**
 * What Red Hat YAML gets for a package: no rules (our server checks it), but a title, which its
 * status bar and code lens show instead of a bare ".json" and the URI.
 */
export const HANDED_OFF_SCHEMA = JSON.stringify({
  title: 'Sinas Package (checked by the Sinas extension)',
  description: 'This SinasPackage is validated, completed and explained by the Sinas Packages extension.',
});

interface YamlContributorApi {
  registerContributor(
    schema: string,
    requestSchema: (resource: string) => string | undefined,
    requestSchemaContent: (uri: string) => string | Promise<string>,
    label?: string,
  ): boolean;
}

/**
 * Schema URI for a resource: the empty one for open SinasPackage documents, nothing otherwise.
 * What the language server said decides; only a document it has not reported on yet is read.
 */
export function schemaForResource(resource: string, isPackage: (resource: string) => boolean | undefined, documents: readonly { uri: { toString(): string }; getText(): string }[]): string | undefined {
  const known = isPackage(resource);
  if (known !== undefined) return known ? EMPTY_SCHEMA_URI : undefined;
  const document = documents.find((d) => d.uri.toString() === resource);
  return document && looksLikeSinasPackage(document.getText()) ? EMPTY_SCHEMA_URI : undefined;
}

export function isRedHatYamlInstalled(): boolean {
  return !!vscode.extensions.getExtension(RED_HAT_YAML_ID);
}

/**
 * Registers the contributor when Red Hat YAML is installed; resolves to whether it did. It must
 * be in place before Red Hat YAML first validates an open package (it does not ask again until
 * the document changes), which is why package.json activates us on the YAML languages that
 * activate Red Hat YAML, and why this runs first thing in activate().
 */
export async function bridgeRedHatYaml(facts: { get(uri: string): { isPackage: boolean } | undefined }): Promise<boolean> {
  const extension = vscode.extensions.getExtension<YamlContributorApi>(RED_HAT_YAML_ID);
  if (!extension) return false;
  try {
    const api = extension.isActive ? extension.exports : await extension.activate();
    if (!api?.registerContributor) return false;
    return api.registerContributor(
      'sinas-package',
      (resource) => schemaForResource(resource, (uri) => facts.get(uri)?.isPackage, vscode.workspace.textDocuments),
      () => HANDED_OFF_SCHEMA,
      'Sinas Packages (validated by the Sinas language server)',
    );
  } catch {
    return false;
  }
}
