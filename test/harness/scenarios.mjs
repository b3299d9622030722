// UI scenarios run after the mocha suite; each leaves screenshots in test-results/vscode/
// (README material). Paths are relative to the workspace (test/fixtures/vscode).
// The step vocabulary is documented in ui-scenarios.mjs.
import { instanceScenarios } from '../vscode/scenarios/instance-scenarios.mjs';

export const scenarios = [
  {
    name: 'undeclared-variable',
    steps: [
      { open: 'undeclared-variable.yaml' },
      // The language server's diagnostic, as the user sees it: a red squiggle, then its hover.
      { waitFor: '.monaco-editor .squiggly-error', timeoutMs: 45_000 },
      { hover: '.monaco-editor .squiggly-error', until: '.monaco-hover .hover-contents' },
      { screenshot: 'undeclared-variable.png' },
    ],
  },
  ...instanceScenarios,
];
