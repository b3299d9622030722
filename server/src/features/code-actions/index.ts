/**
 * getCodeActions(analysis, uri, diagnostics): the quick fixes for the given diagnostics, chosen by
 * each diagnostic's code (never its message). Diagnostics from other sources are left alone.
 */
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import type { Analysis } from '../../core/analyze';
import type { FindingData } from '../../core/diagnostics/finding';
import { DIAGNOSTIC_SOURCE } from '../diagnostic-source';
import { changeTo } from './quickfixes/change-to';
import { declareVariable } from './quickfixes/declare-variable';
import { removeUnusedVariable } from './quickfixes/remove-unused-variable';
import type { QuickFix } from './types';

const QUICK_FIXES: readonly QuickFix[] = [declareVariable, removeUnusedVariable, changeTo];

export function getCodeActions(analysis: Analysis, uri: string, diagnostics: readonly Diagnostic[]): CodeAction[] {
  const actions: CodeAction[] = [];
  if (!analysis.isSinasPackage) return actions;
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== DIAGNOSTIC_SOURCE || typeof diagnostic.code !== 'string') continue;
    const code = diagnostic.code;
    const data = isData(diagnostic.data) ? diagnostic.data : {};
    const context = { analysis, uri, diagnostic, data, offset: analysis.lines.offsetAt(diagnostic.range.start) };
    for (const fix of QUICK_FIXES) {
      const handles = fix.codes === '*' ? true : fix.codes.includes(code);
      if (!handles || (fix.accepts && !fix.accepts(data))) continue;
      actions.push(...fix.provide(context));
    }
  }
  return actions;
}

function isData(value: unknown): value is FindingData {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
