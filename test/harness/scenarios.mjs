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
      // The server's own hover and the quick fix come after the diagnostic's part, and the code
      // lens after the instance answered: the screenshot shows the finished hover, not "Loading…".
      { waitFor: '.monaco-hover:has-text("so installers are asked for it")' },
      { waitFor: '.monaco-hover:has-text("Quick Fix")' },
      { waitFor: '.contentWidgets .codelens-decoration:has-text("Install")' },
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
      // A fresh workbench indexes the workspace for Quick Open first; on a busy machine that takes a while.
      { open: 'instance/plain.yaml', timeoutMs: 90_000 },
      // Install acts on the active editor: wait until the extension host has it (its code lens).
      { waitFor: '.contentWidgets .codelens-decoration:has-text("Not installed on")', timeoutMs: 45_000 },
      { command: 'Sinas: Install Package' },
      { waitFor: '.monaco-dialog-box', timeoutMs: 45_000 },
      { press: 'Enter' },
      { waitFor: '.notifications-toasts .notification-toast:has-text("installed plain-tools")', timeoutMs: 45_000 },
      // The progress notification closes right after the result's toast opens; the rendered
      // report and the code lens follow.
      { waitGone: '.notifications-toasts .notification-toast:has-text("installing plain-tools")' },
      { waitFor: 'iframe.webview.ready >> internal:control=enter-frame >> iframe#active-frame >> internal:control=enter-frame >> h1:has-text("Installed: plain-tools")' },
      { waitFor: '.contentWidgets .codelens-decoration:has-text("Installed v2.0.0")' },
      { screenshot: 'toast-installed.png' },
      { open: 'instance/invalid.yaml' },
      // plain.yaml's lens says "Installed" by now: this one is invalid.yaml's.
      { waitFor: '.contentWidgets .codelens-decoration:has-text("Not installed on")', timeoutMs: 45_000 },
      { command: 'Sinas: Install Package' },
      { waitFor: '.notifications-toasts .notification-toast.error, .notifications-toasts .notification-toast:has(.codicon-error)', timeoutMs: 45_000 },
      { waitGone: '.notifications-toasts .notification-toast:has-text("installing invalid-demo")' },
      { screenshot: 'toast-error.png' },
    ],
  },
  {
    // The Get Started walkthrough as `npm start` shows it: its first step runs Sinas: New Package
    // (name, then save as), which opens the skeleton and ticks the step off.
    name: 'npm-start-walkthrough',
    workbench: 'user',
    steps: [
      // Room for the step's picture beside the steps.
      { command: 'View: Close Primary Side Bar' },
      { command: 'Welcome: Open Walkthrough...', pick: 'Get Started with Sinas Packages' },
      { waitFor: '.getting-started-step.expanded:has-text("Create a package")' },
      { waitFor: '.getting-started-media img' },
      { click: '.getting-started-step.expanded :is(a, .monaco-button):has-text("New Package")' },
      { waitFor: '.quick-input-widget .quick-input-title:has-text("New package (1/2)")' },
      { type: 'support-desk' },
      { press: 'Enter' },
      { waitFor: '.quick-input-widget .quick-input-title:has-text("save as")' },
      { inputEndsWith: '/support-desk.sinas.yaml' },
      { press: 'Enter' },
      { waitFor: '.tabs-container .tab.active:has-text("support-desk.sinas.yaml")' },
      { waitFor: '.monaco-editor .view-line:has-text("name: support-desk")' },
      { screenshot: 'new-package-editor.png' },
      { click: '.tabs-container .tab:has-text("Welcome")' },
      { waitFor: '.getting-started-step:has-text("Create a package") .codicon-getting-started-step-checked' },
      { screenshot: 'walkthrough-new-package.png' },
    ],
  },
];
