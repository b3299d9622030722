/**
 * What Sinas makes of a `package.name` (P30): it becomes the `managed_by = pkg:<name>` tag and
 * one REST path segment, and fills a 255-character column. One reading for the rules
 * (`package-name-slash`, `package-name-style`, `value-too-long`) and for the name prompts of the
 * create commands, which refuse what the rules would flag.
 */

export const PACKAGE_NAME_MAX = 255;

const CONVENTION = /^[a-z0-9][a-z0-9-]*$/;

export interface PackageNameProblem {
  code: 'package-name-slash' | 'package-name-style' | 'value-too-long';
  message: string;
  /** A name that would not be flagged, when one is obvious. */
  replacement?: string;
}

/** A `/` in the name: installable, but never fetched, exported or uninstalled again. */
export function slashProblem(name: string): PackageNameProblem | undefined {
  if (!name.includes('/')) return undefined;
  const replacement = name.replace(/\/+/g, '-');
  return {
    code: 'package-name-slash',
    message: `A \`/\` in the package name makes it impossible to fetch, export or uninstall through the API (the name is one URL segment): once installed, it stays. Use \`${replacement}\`.`,
    replacement,
  };
}

export function lengthProblem(name: string): PackageNameProblem | undefined {
  if (name.length <= PACKAGE_NAME_MAX) return undefined;
  return { code: 'value-too-long', message: `Package \`name\` has ${name.length} characters; the database column holds ${PACKAGE_NAME_MAX}, so the install fails with a server error.` };
}

/** Outside the packages repository's convention (lowercase letters, digits and `-`); only for names that are otherwise usable. */
export function styleProblem(name: string): PackageNameProblem | undefined {
  if (name === '' || name.includes('/') || name.length > PACKAGE_NAME_MAX || CONVENTION.test(name)) return undefined;
  const suggestion = conventionalPackageName(name);
  return {
    code: 'package-name-style',
    message:
      `Package names are conventionally lowercase letters, digits and \`-\` (e.g. \`${suggestion || 'my-package'}\`): the name is the package's URL segment and its ownership tag, ` +
      'and renaming it later orphans everything installed under the old name.',
    replacement: suggestion || undefined,
  };
}

/** Every problem the rules would report on this name (none for a name that uses `${{ }}`). */
export function packageNameProblems(name: string): PackageNameProblem[] {
  if (name.includes('${{')) return [];
  return [slashProblem(name), lengthProblem(name), styleProblem(name)].filter((p): p is PackageNameProblem => p !== undefined);
}

/** `Support Bot` → `support-bot`: the conventional spelling of a name ('' when nothing is left). */
export function conventionalPackageName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-|-$/g, '');
}
