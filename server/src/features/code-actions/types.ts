/**
 * A quick fix declares the diagnostic codes it handles and builds its actions from the live
 * analysis plus the diagnostic's `data`. It never reads the message, and never trusts the
 * diagnostic's range further than to find the live node it points at (AL's add-missing-inputs).
 */
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import type { Analysis } from '../../core/analyze';
import type { FindingData } from '../../core/diagnostics/finding';

export interface QuickFixContext {
  analysis: Analysis;
  uri: string;
  diagnostic: Diagnostic;
  /** The diagnostic's payload (empty when it carried none). */
  data: FindingData;
  /** Offset of the diagnostic's start in the live text. */
  offset: number;
}

export interface QuickFix {
  /** Codes handled; '*' means any code whose payload passes `accepts`. */
  readonly codes: readonly string[] | '*';
  accepts?(data: FindingData): boolean;
  provide(context: QuickFixContext): CodeAction[];
}
