// UI scenarios for the README's "Working with a Sinas instance" screenshots, run by the harness
// (test/harness/ui-scenarios.mjs) against the sandbox it starts, which the extension picks up as
// the "Environment" instance. Paths are relative to the workspace (test/fixtures/vscode).

// Inside the report's webview: VS Code nests the page in two iframes.
const report = (selector) => `iframe.webview.ready >> internal:control=enter-frame >> iframe#active-frame >> internal:control=enter-frame >> ${selector}`;
// The focused row of the Instances view.
const treeRow = (text) => `.pane-body .monaco-list-row:has-text("${text}")`;

export const instanceScenarios = [
  {
    name: 'instance-install',
    steps: [
      { open: 'instance/support-notes.yaml' },
      // The command acts on the active editor: wait until the extension host has it (its code lens
      // is drawn), not only the tab (a fresh CI run once ran the command before, and it did nothing).
      { waitFor: '.contentWidgets .codelens-decoration:has-text("Not installed on")', timeoutMs: 45_000 },
      { command: 'Sinas: Preview Package' },
      // NOTES_URL (text, pattern-checked), then TONE (enum, default first).
      { waitFor: '.quick-input-widget .quick-input-title:has-text("NOTES_URL")' },
      { type: 'https://notes.example.com' },
      { press: 'Enter' },
      { waitFor: '.quick-input-widget .quick-input-title:has-text("TONE")' },
      { press: 'Enter' },
      // The rendered report opens beside the file; its lines link to the YAML.
      { waitFor: report('h1:has-text("Preview: support-notes 1.2.0")'), timeoutMs: 45_000 },
      { waitFor: report('a:has-text("View the package as it will be installed")') },
      { screenshot: 'instance-report.png' },
      // A change line opens the file at its resource: `summarise_thread` (16 characters) selected.
      { click: report('a:has-text("notes/summarise_thread")') },
      { waitFor: '.statusbar-item:has-text("(16 selected)")' },
      // Typing the command's name lists that command alone, then VS Code's "similar commands" (the
      // view is not "Installed Packages" any more, whose "Focus on … View" entry matched too).
      { command: 'View: Focus First Editor Group' },
      { press: 'F1' },
      { type: 'Sinas: Install Package' },
      { waitFor: '.quick-input-list .monaco-list-row[aria-posinset="1"]:has-text("Sinas: Install Package")' },
      { waitFor: '.quick-input-list .monaco-list-row[aria-posinset="2"]:has-text("similar commands")' },
      { press: 'Enter' },
      // No prompt: Install right after Preview sends the preview's answers. Then the confirmation.
      { waitFor: '.monaco-dialog-box:has-text("as entered for the preview")', timeoutMs: 45_000 },
      { screenshot: 'instance-install-confirm.png' },
      { press: 'Enter' },
      { waitFor: report('h1:has-text("Installed: support-notes 1.2.0")'), timeoutMs: 45_000 },
      // The tree refreshes itself after the install: the package expands to its resources by type.
      { command: 'Sinas: Focus on Instances View' },
      { waitFor: treeRow('support-notes') },
      { press: 'ArrowDown' },
      { press: 'ArrowDown' },
      { waitFor: '.pane-body .monaco-list-row.focused:has-text("support-notes")' },
      // Right expands the package: its resources by type, read from the installed version.
      { press: 'ArrowRight' },
      { waitFor: treeRow('notes/summarise_thread') },
      { waitFor: treeRow('notes/drafts') },
      { screenshot: 'instance-tree.png' },
      // The next version of the file: the code lens offers Upgrade and Compare.
      { command: 'View: Close All Editors' },
      { open: 'instance/support-notes-next.yaml' },
      { waitFor: '.contentWidgets .codelens-decoration:has-text("Upgrade to v1.3.0")', timeoutMs: 45_000 },
      { screenshot: 'instance-code-lens.png', selector: '.part.editor' },
    ],
  },
  {
    // The active instance ("Environment": the seeded sandbox) checks and completes references.
    name: 'instance-aware',
    steps: [
      { open: 'instance/instance-aware.yaml' },
      // `aware/enrich` exists neither in the package nor on the instance: an error naming it.
      { waitFor: '.monaco-editor .squiggly-error', timeoutMs: 60_000 },
      { hover: '.monaco-editor .squiggly-error', until: '.monaco-hover .hover-contents' },
      { screenshot: 'instance-aware-missing.png', selector: '.part.editor' },
      { press: 'Escape' },
      // Line 14 is `        - aware/enrich`; column 11 is where the value starts.
      { press: 'Control+g' },
      { type: '14:11' },
      { press: 'Enter' },
      { command: 'Trigger Suggest' },
      { waitFor: '.editor-widget.suggest-widget.visible .monaco-list-row:has-text("daily_digest")' },
      { screenshot: 'instance-aware-completion.png', selector: '.part.editor' },
      { press: 'Escape' },
    ],
  },
];
