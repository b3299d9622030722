/**
 * Text a server wrote for people (a `detail`, an apply error or warning) is shown in terminals,
 * notifications, logs and reports. Before that it loses what could act on a terminal or hide what
 * it says — escape sequences, other control characters, bidirectional overrides — and is cut to a
 * readable length with a note saying how much was left out.
 */

/** Longest server message shown, in characters. */
export const MAX_SERVER_TEXT = 2000;

// ESC-introduced sequences: CSI (`ESC [ … final`), OSC/DCS/SOS/PM/APC strings up to BEL or ST, and
// the rest (`ESC`, intermediates, a final byte: `ESC c`, `ESC ( B`). Then C1 CSI/OSC/DCS…
// introducers written as single code points.
const ESCAPE_SEQUENCE = /\u001b(?:\[[0-?]*[ -/]*[@-~]|[\]PX^_][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[ -/]*[0-~]?)|[\u009b][0-?]*[ -/]*[@-~]|[\u009d\u0090\u0098\u009e\u009f][^\u0007\u009c]*[\u0007\u009c]?/g;
// What is left of C0 (except tab and line feed), DEL, C1, and the bidirectional controls.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Without escape sequences and control characters; tabs and line breaks (`\r\n` and lone `\r` as `\n`) stay. */
export function stripControls(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(ESCAPE_SEQUENCE, '').replace(CONTROL, '');
}

/** `stripControls`, then at most `limit` characters, ending with a note when something was cut. */
export function serverText(text: string, limit = MAX_SERVER_TEXT): string {
  const clean = stripControls(text);
  if (clean.length <= limit) return clean;
  // Do not split a surrogate pair at the cut.
  const end = /[\ud800-\udbff]/.test(clean.charAt(limit - 1)) ? limit - 1 : limit;
  return `${clean.slice(0, end)}… [${(clean.length - end).toLocaleString('en-US')} more characters not shown]`;
}

/** On one line: line breaks and tabs become spaces (table cells, one-line messages). */
export function oneLine(text: string): string {
  // Each run of whitespace holding a line break or tab: matching `\s*[\n\t]\s*` instead backtracks
  // quadratically over a long run of spaces.
  return stripControls(text).replace(/\s+/g, (run) => (/[\n\t]/.test(run) ? ' ' : run));
}
