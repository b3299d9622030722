/**
 * analyze() timed after each of a series of one-character edits (one incremental parser, as in
 * the editor), with the share the document rules take. Used by the rule performance test and by
 * test/support/bench-rules.ts.
 */
import { analyze, type Analysis } from '../../server/src/core/analyze';
import { DocumentParser } from '../../server/src/core/parse/parse-document';
import { DOCUMENT_RULES } from '../../server/src/core/rules';
import type { DocumentContext } from '../../server/src/core/rules/rule';
import { editAt } from './measure';

export interface EditTimings {
  analyze: number[];
  documentRules: number[];
  last: Analysis;
}

export function timeEdits(base: string, edits: number): EditTimings {
  const parser = new DocumentParser();
  let last = analyze(base, { parser });
  let text = base;
  const timings: EditTimings = { analyze: [], documentRules: [], last };
  for (let i = 0; i < edits; i++) {
    text = editAt(text, i);
    const started = performance.now();
    last = analyze(text, { parser });
    timings.analyze.push(performance.now() - started);
    const ctx: DocumentContext = { text, root: last.root, model: last.model, variables: last.variables, references: last.references, report: () => undefined, enough: () => false };
    const rulesStarted = performance.now();
    for (const rule of DOCUMENT_RULES) rule.check(ctx);
    timings.documentRules.push(performance.now() - rulesStarted);
  }
  timings.last = last;
  return timings;
}
