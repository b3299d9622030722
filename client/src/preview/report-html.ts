/**
 * The report as a self-contained HTML page for a webview (pure). Nothing is loaded from
 * anywhere: no script at all, one inline style allowed by its nonce, everything else denied by
 * the Content-Security-Policy. Every text from the server or the file is escaped. Links are
 * `command:` URIs the caller builds (to a YAML node, to the package as it will be installed).
 */
import type { Span } from '../packages/read-package';
import type { ReportLine, ReportModel } from './report';

export interface HtmlOptions {
  /** Random per render; the only thing the page's CSP allows is the style carrying it. */
  nonce: string;
  /** The href that opens the file at `span`. */
  linkTo(span: Span): string;
  /** Hrefs for the package as it will be installed: the document, and its diff with the file. */
  asInstalled?: { view: string; compare: string };
}

export function renderReportHtml(model: ReportModel, options: HtmlOptions): string {
  const body: string[] = [];
  body.push(`<h1>${text(model.title)}</h1>`);
  body.push(`<p class="facts">${model.facts.map(text).join('<br>')}</p>`);
  body.push(`<p class="outcome ${model.outcome.tone}">${text(model.outcome.text)}</p>`);
  if (options.asInstalled) {
    body.push(
      `<p class="as-installed"><a href="${attr(options.asInstalled.view)}">View the package as it will be installed</a> (values substituted, secrets as the name of their Secret) · <a href="${attr(options.asInstalled.compare)}">Compare with the file</a></p>`,
    );
  }
  const link = (line: ReportLine, html = text(line.text)) => (line.span ? `<a href="${attr(options.linkTo(line.span))}" title="Show in the file">${html}</a>` : html);
  const list = (lines: readonly ReportLine[]) => `<ul>${lines.map((l) => `<li>${link(l)}</li>`).join('')}</ul>`;

  if (model.overwrites.length > 0) {
    body.push(`<h2 class="warning">⚠ Overwrites ${model.overwrites.length === 1 ? '1 resource' : `${model.overwrites.length} resources`} not managed by this package</h2>`);
    body.push('<p>A first install updates these existing resources in place. They stay unmanaged, so uninstalling the package will not remove them.</p>');
    body.push(list(model.overwrites));
  }

  body.push('<h2>Summary</h2>');
  if (model.summary.rows.length === 0) body.push('<p>The package has no resources.</p>');
  else {
    const [create, update, unchanged] = model.summary.columns;
    body.push(`<table><thead><tr><th>Type</th><th class="n">${create}</th><th class="n">${update}</th><th class="n">${unchanged}</th></tr></thead><tbody>`);
    for (const r of model.summary.rows) {
      body.push(`<tr><td>${text(r.type)}</td><td class="n">${r.created}</td><td class="n">${r.updated}${r.overwrites ? ' <span class="warning" title="overwrites unmanaged resources">⚠</span>' : ''}</td><td class="n">${r.unchanged}</td></tr>`);
    }
    body.push('</tbody></table>');
  }

  if (model.errors.length > 0) {
    body.push(`<h2 class="error">Errors (${model.errors.length})</h2>`);
    if (model.errorsNote) body.push(`<p>${text(model.errorsNote)}</p>`);
    body.push(list(model.errors));
  }
  if (model.warnings.length > 0) {
    body.push(`<h2 class="warning">Warnings (${model.warnings.length})</h2>`);
    body.push(list(model.warnings));
  }
  if (model.changes.length > 0) {
    body.push('<h2>Changes</h2>');
    body.push(
      `<ul class="changes">${model.changes
        .map((c) => `<li><span class="action ${attr(c.action)}">${text(c.action)}</span> ${link(c, `${text(c.resourceType)} <code>${text(c.resourceName)}</code>`)}${c.overwrites ? ' <span class="warning">— ⚠ overwrites an unmanaged resource</span>' : ''}</li>`)
        .join('')}</ul>`,
    );
  }
  if (model.variables.length > 0) {
    body.push('<h2>Variables</h2>');
    body.push('<table><thead><tr><th>Name</th><th>Type</th><th>Value</th></tr></thead><tbody>');
    for (const v of model.variables) body.push(`<tr><td><code>${text(v.name)}</code></td><td>${text(v.type ?? '')}</td><td>${v.masked ? text(v.display) : v.display === 'not sent' || v.display.startsWith('kept:') ? `<em>${text(v.display)}</em>` : `<code>${text(v.display)}</code>`}</td></tr>`);
    body.push('</tbody></table>');
  }

  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${attr(options.nonce)}'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${text(model.title)}</title>`,
    `<style nonce="${attr(options.nonce)}">${STYLE}</style>`,
    '</head>',
    `<body class="${model.kind}">`,
    ...body,
    '</body>',
    '</html>',
  ].join('\n');
}

/** Escaped text; `code` spans in backticks become <code>. */
function text(value: string): string {
  return escape(value).replace(/`([^`]+)`/g, '<code>$1</code>');
}

function attr(value: string): string {
  return escape(value);
}

function escape(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Theme colours only (VS Code's CSS variables); no fonts or images from anywhere. */
const STYLE = `
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); padding: 0 20px 20px; line-height: 1.5; }
h1 { font-size: 1.5em; font-weight: 600; margin: 0.8em 0 0.4em; }
h2 { font-size: 1.15em; font-weight: 600; margin: 1.2em 0 0.4em; padding-bottom: 0.2em; border-bottom: 1px solid var(--vscode-panel-border); }
.facts { color: var(--vscode-descriptionForeground); margin-top: 0; }
.outcome { font-weight: 600; padding: 6px 10px; border-left: 4px solid; background: var(--vscode-textBlockQuote-background); }
.outcome.ok { border-color: var(--vscode-testing-iconPassed); }
.outcome.warning { border-color: var(--vscode-editorWarning-foreground); }
.outcome.error { border-color: var(--vscode-errorForeground); }
.warning { color: var(--vscode-editorWarning-foreground); }
.error { color: var(--vscode-errorForeground); }
a { color: var(--vscode-textLink-foreground); text-decoration: none; }
a:hover { text-decoration: underline; color: var(--vscode-textLink-activeForeground); }
code { font-family: var(--vscode-editor-font-family); font-size: 0.95em; background: var(--vscode-textCodeBlock-background); padding: 0 3px; border-radius: 3px; }
table { border-collapse: collapse; margin: 0.4em 0; }
th, td { text-align: left; padding: 3px 12px 3px 0; border-bottom: 1px solid var(--vscode-panel-border); }
th { font-weight: 600; }
.n { text-align: right; }
ul { padding-left: 1.4em; margin: 0.3em 0; }
ul.changes { list-style: none; padding-left: 0; }
.action { display: inline-block; min-width: 5.5em; color: var(--vscode-descriptionForeground); }
.action.create { color: var(--vscode-testing-iconPassed); }
.action.update { color: var(--vscode-editorWarning-foreground); }
`;
