/**
 * The embedded-language part of `npm run bench`: a code-heavy package (test/support/
 * generate-code-heavy.ts), analysed once, then edited one character at a time inside a Python
 * block and inside a SQL block — only the touched function or query is parsed again.
 */
import { analyze } from '../../server/src/core/analyze';
import { DocumentParser } from '../../server/src/core/parse/parse-document';
import { generateCodeHeavyPackage } from '../support/generate-code-heavy';
import { timeRuns } from './measure';

export interface EmbeddedRow {
  lines: number;
  validateFirst: number;
  editPython: number;
  editSql: number;
}

/** A one-character edit inside the i-th function's code, or the i-th query's SQL (never structure). */
function editInside(text: string, i: number, marker: (n: number) => string): string {
  const at = text.indexOf(marker((i * 7) % 20));
  const offset = at >= 0 ? at + 1 : Math.floor(text.length / 2);
  return text.slice(0, offset) + String.fromCharCode(97 + (i % 26)) + text.slice(offset);
}

export async function benchEmbedded(lines: number, runs: number): Promise<EmbeddedRow> {
  const text = generateCodeHeavyPackage(lines);
  const validateFirst = await timeRuns(runs, () => analyze(text, { parser: new DocumentParser() }));
  const edit = async (marker: (n: number) => string) => {
    const parser = new DocumentParser();
    let current = text;
    analyze(current, { parser });
    return timeRuns(runs * 3, (i) => {
      current = editInside(current, i, marker);
      analyze(current, { parser });
    });
  };
  const editPython = await edit((n) => `"batch": ${n},`);
  const editSql = await edit((n) => `batch = ${n} AND`);
  return { lines: text.split('\n').length, validateFirst, editPython, editSql };
}
