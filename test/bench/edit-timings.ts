/**
 * analyze() timed after each of a series of one-character edits (one incremental parser, as in
 * the editor), in milliseconds of this process's CPU time (the machine may be shared). Used by
 * test/support/bench-rules.ts.
 */
import { analyze, type Analysis } from '../../server/src/core/analyze';
import { DocumentParser } from '../../server/src/core/parse/parse-document';
import { editAt } from './measure';

export interface EditTimings {
  analyze: number[];
  last: Analysis;
}

export function timeEdits(base: string, edits: number): EditTimings {
  const parser = new DocumentParser();
  let last = analyze(base, { parser });
  let text = base;
  const timings: EditTimings = { analyze: [], last };
  for (let i = 0; i < edits; i++) {
    text = editAt(text, i);
    const started = process.cpuUsage();
    last = analyze(text, { parser });
    const used = process.cpuUsage(started);
    timings.analyze.push((used.user + used.system) / 1000);
  }
  timings.last = last;
  return timings;
}
