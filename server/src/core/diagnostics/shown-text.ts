/**
 * How a finding's message quotes the user's text: its first line, at most MAX_SHOWN characters.
 * A message is read at a glance, and the text may be a megabyte (a whole line of junk read as one
 * word): quoting it whole would send it to the editor in every publication.
 */
import { isSurrogatePair } from '../text/chars';

const MAX_SHOWN = 40;

export function clip(text: string): string {
  const lineEnd = text.indexOf('\n');
  const line = lineEnd === -1 ? text : text.slice(0, lineEnd);
  if (line.length <= MAX_SHOWN && lineEnd === -1) return line;
  // Not between the halves of a character outside the BMP (the editor would show a lone half as �).
  return line.slice(0, isSurrogatePair(line, MAX_SHOWN - 1) ? MAX_SHOWN - 1 : MAX_SHOWN) + '…';
}

/** Longer messages lose their middle: they quote a huge text (a 200,000-character key, binary junk). */
const MAX_MESSAGE = 1000;
const KEPT_HEAD = 600;
const KEPT_TAIL = 300;

/**
 * `message`, at most about MAX_MESSAGE characters: the start (what is wrong) and the end (why, and
 * what to do) are kept, the middle of the quoted text goes. A last guard for every finding; rules
 * that quote values clip them (`clip`) already.
 */
export function boundedMessage(message: string): string {
  if (message.length <= MAX_MESSAGE) return message;
  let head = KEPT_HEAD;
  let tail = message.length - KEPT_TAIL;
  // Not between the halves of a character outside the BMP.
  if (isSurrogatePair(message, head - 1)) head--;
  if (isSurrogatePair(message, tail - 1)) tail++;
  return `${message.slice(0, head)} … ${message.slice(tail)}`;
}
