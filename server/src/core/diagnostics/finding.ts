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
}

/** Payloads read by quick fixes; positions are never stored here, they are recomputed from the text. */
export interface FindingData {
  /** Replacement text offered by "Change to …" fixes (did-you-mean, `ns/name` qualification). */
  replacement?: string;
  /** Extra named values a fix or the client may need. */
  [key: string]: unknown;
}
