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
  {
    name: 'language-features',
    steps: [
      { open: 'undeclared-variable.yaml' },
      { waitFor: '.monaco-editor .squiggly-error', timeoutMs: 45_000 },
      // Line 25 is `X-Tenant: "${{ vars.MISSING }}"`; column 29 is right after `vars.`.
      { press: 'Control+g' },
      { type: '25:29' },
      { press: 'Enter' },
      { command: 'Trigger Suggest' },
      { waitFor: '.editor-widget.suggest-widget.visible .monaco-list-row' },
      { screenshot: 'completion-variables.png' },
      { press: 'Escape' },
      { command: 'Quick Fix...' },
      { waitFor: '.action-widget .monaco-list-row' },
      { screenshot: 'quick-fix-declare.png' },
      { press: 'Escape' },
    ],
  },
  ...instanceScenarios,
  {
    // Under `npm start`'s settings notifications pop up: an install's success toast, then the
    // error toast of a package the server rejects.
    name: 'npm-start-toasts',
    workbench: 'user',
    steps: [
      { open: 'instance/support-notes.yaml' },
      { command: 'Sinas: Install Package' },
      { waitFor: '.quick-input-widget .quick-input-title:has-text("NOTES_URL")' },
      { type: 'https://notes.example.com' },
      { press: 'Enter' },
      { waitFor: '.quick-input-widget .quick-input-title:has-text("TONE")' },
      { press: 'Enter' },
      { waitFor: '.monaco-dialog-box', timeoutMs: 45_000 },
      { press: 'Enter' },
      { waitFor: '.notifications-toasts .notification-toast:has-text("installed support-notes")', timeoutMs: 45_000 },
      { screenshot: 'toast-installed.png' },
      { open: 'instance/invalid.yaml' },
      { command: 'Sinas: Install Package' },
      { waitFor: '.notifications-toasts .notification-toast.error, .notifications-toasts .notification-toast:has(.codicon-error)', timeoutMs: 45_000 },
      { screenshot: 'toast-error.png' },
    ],
  },
];
