/**
 * One reading of a good package name, shared by the rules that check `package.name` and by every
 * prompt that asks for one (New Package, Create Package from Instance), so a prompt accepts what
 * the rules accept and says what they would say.
 *
 * The name becomes the `managed_by = pkg:<name>` tag and one REST path segment: a `/` makes the
 * package unreachable after install, more than 255 characters fail the install, and the packages
 * repository's convention is lowercase letters, digits and `-`.
 */
export const PACKAGE_NAME_MAX_LENGTH = 255;
const CONVENTION = /^[a-z0-9][a-z0-9-]*$/;

/** `Support Bot` → `support-bot`: the conventional spelling of a name ('' when nothing is left). */
export function conventionalPackageName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .replace(/-{2,}/g, '-');
}

/** `a/b` → `a-b`. */
export function withoutSlashes(name: string): string {
  return name.replace(/\/+/g, '-');
}

export function followsNameConvention(name: string): boolean {
  return CONVENTION.test(name);
}

export interface PackageNameProblem {
  /** `error`: the rules report an error (the install fails or the package is stuck); `info`: a convention. */
  severity: 'error' | 'info';
  message: string;
  /** A name without the problem, when one can be derived. */
  suggestion?: string;
}

/** What the rules would report about `name` as `package.name` (surrounding spaces ignored), or undefined. */
export function packageNameProblem(input: string): PackageNameProblem | undefined {
  const name = input.trim();
  if (!name) return { severity: 'error', message: 'A package name is required.' };
  if (name.includes('/')) {
    const suggestion = withoutSlashes(name);
    return { severity: 'error', message: `A \`/\` makes the package impossible to fetch, export or uninstall through the API; use \`${suggestion}\`.`, suggestion };
  }
  if (name.length > PACKAGE_NAME_MAX_LENGTH) return { severity: 'error', message: `At most ${PACKAGE_NAME_MAX_LENGTH} characters fit (this has ${name.length}); a longer name fails the install.` };
  if (followsNameConvention(name)) return undefined;
  const suggestion = conventionalPackageName(name) || undefined;
  return { severity: 'info', message: `Package names are conventionally lowercase letters, digits and \`-\`${suggestion ? `, e.g. \`${suggestion}\`` : ''}.`, suggestion };
}
