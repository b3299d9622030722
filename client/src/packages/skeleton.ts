/**
 * The text of a new package: the header, the package's identity and an empty `spec`, with a
 * comment on each part a newcomer has to know. Valid as it stands (no finding at all), so the
 * first thing the editor shows is not an error.
 */
import { conventionalPackageName } from '../../../server/src/core/model/package-name';

export function packageSkeleton(name: string): string {
  const namespace = yamlString(namespaceFor(name));
  return `# A SinasPackage: resources that Sinas installs, upgrades and uninstalls together.
# Ctrl+Space offers what fits where the cursor is; hover a key to read what it does.
apiVersion: sinas.co/v1
kind: SinasPackage

package:
  # Every resource the install creates is tagged with this name; uninstall removes by it.
  name: ${yamlString(name.trim())}
  # Quoted, so YAML keeps it a string ("1.10" would otherwise become the number 1.1).
  version: "0.1.0"
  description: What this package provides

spec:
  # Resources by kind: agents, functions, skills, connectors, queries, … Each is a list;
  # \`- \` and Ctrl+Space start a new item. Other resources refer to one as \`namespace/name\`.
  agents:
    - namespace: ${namespace}
      name: assistant
      description: Answers questions (a first resource to preview and install)
      # The agent's instructions. Without \`llmProvider\`, the instance's default provider is used.
      systemPrompt: |
        You are a helpful assistant. Answer briefly.

  # Install-time variables are asked for on install and used as \`\${{ vars.NAME }}\`, e.g.
  # variables:
  #   - name: API_URL
  #     type: text
  #     required: true
`;
}

/** A namespace (a letter first, then letters, digits, `_`, `-`) close to the package's name. */
function namespaceFor(name: string): string {
  const base = conventionalPackageName(name);
  if (!base) return 'my-package';
  return /^[a-z]/.test(base) ? base : `pkg-${base}`;
}

/** A plain scalar when YAML reads it back unchanged, else double-quoted. */
function yamlString(value: string): string {
  return /^[A-Za-z0-9][A-Za-z0-9 ._-]*$/.test(value) && !/^(?:true|false|yes|no|on|off|null|~|y|n|[-+.\d][\d._eE+-]*)$/i.test(value) && !value.endsWith(' ')
    ? value
    : JSON.stringify(value);
}
