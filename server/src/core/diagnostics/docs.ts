/** Where each diagnostic code is documented: its row in the README's code table. */
export const PROJECT_URL = 'https://github.com/sinas-platform/sinas-package-tools';

export function codeDocsUrl(code: string): string {
  return `${PROJECT_URL}/blob/main/README.md#code-${code}`;
}
