/**
 * A finding is what a rule reports: pure data with offsets, no LSP types. The LSP layer and the
 * CLI turn findings into diagnostics / report lines (severity overrides are applied there).
 */
import type { Span } from '../text/span';
import type { DiagnosticCode } from './codes';

export type Severity = 'error' | 'warning' | 'info' | 'hint';

export interface RelatedSpan {
  span: Span;
  message: string;
}

export interface Finding {
  code: DiagnosticCode;
  message: string;
  span: Span;
  /** Defaults to the code's severity in the registry. */
  severity?: Severity;
  related?: RelatedSpan[];
  tags?: ('unnecessary' | 'deprecated')[];
  /** What a quick fix needs and cannot cheaply recompute (e.g. a did-you-mean candidate). */
  data?: FindingData;
  /**
   * The final wording, when it needs a look-up in the whole document (a did-you-mean among the
   * declared names): done only for the findings shown, against the version shown, so a finding
   * kept across versions never pays for it again. Replaces `message` and `data`.
   */
  describe?: (lookups: Lookups) => { message: string; data?: FindingData };
}

/** Look-ups into the version being reported, for `Finding.describe`. */
export interface Lookups {
  /** The declared variable name closest to `name`, if one is close enough to suggest. */
  closestVariable(name: string): string | undefined;
}

/** Payloads read by quick fixes; positions are never stored here, they are recomputed from the text. */
export interface FindingData {
  /** Replacement text offered by "Change to …" fixes (did-you-mean, `ns/name` qualification). */
  replacement?: string;
  /** Extra named values a fix or the client may need. */
  [key: string]: unknown;
}
