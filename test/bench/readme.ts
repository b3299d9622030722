/**
 * The README's Speed table, written from a full `npm run bench` between the markers below (the
 * text around them is prose, kept by hand).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const README = join(__dirname, '../../README.md');
export const START = '<!-- bench:start (written by `npm run bench`; do not edit by hand) -->';
export const END = '<!-- bench:end -->';

/** Replaces what lies between the markers; false when README.md has no markers. */
export function writeReadmeTable(markdown: string): boolean {
  const readme = readFileSync(README, 'utf8');
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) return false;
  writeFileSync(README, `${readme.slice(0, start + START.length)}\n${markdown.trim()}\n${readme.slice(end)}`);
  return true;
}
