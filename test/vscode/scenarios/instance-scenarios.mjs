// UI scenarios for the README's "Working with a Sinas instance" screenshots, run by the harness
// (test/harness/ui-scenarios.mjs) against the sandbox it starts, which the extension picks up as
// the "Environment" instance. Paths are relative to the workspace (test/fixtures/vscode).
export const instanceScenarios = [
  {
    name: 'instance-install',
    steps: [
      { open: 'instance/support-notes.yaml' },
      { command: 'Sinas: Install Package' },
      // NOTES_URL (text, pattern-checked), then TONE (enum, default first).
      { waitFor: '.quick-input-widget .quick-input-title:has-text("NOTES_URL")' },
      { type: 'https://notes.example.com' },
      { press: 'Enter' },
      { waitFor: '.quick-input-widget .quick-input-title:has-text("TONE")' },
      { press: 'Enter' },
      // The preview report opens beside the file, then the modal confirmation.
      { waitFor: '.monaco-dialog-box', timeoutMs: 45_000 },
      { screenshot: 'instance-install-confirm.png' },
      { press: 'Enter' },
      // The tree and the code lens refresh themselves after the install. (VS Code drops a lens
      // refresh while the editor is blurred and redoes it on focus, hence the focus step.)
      { command: 'View: Focus First Editor Group' },
      { waitFor: '.contentWidgets .codelens-decoration:has-text("Installed v1.2.0")', timeoutMs: 45_000 },
      { command: 'Sinas: Focus on Installed Packages View' },
      { waitFor: '.pane-body .monaco-list-row:has-text("support-notes")' },
      { screenshot: 'instance-tree.png' },
      { command: 'View: Close Editors in Other Groups' },
      { command: 'View: Focus First Editor Group' },
      { waitFor: '.contentWidgets .codelens-decoration:has-text("Open installed version")' },
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
