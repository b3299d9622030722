/** The `source` of every diagnostic we publish; quick fixes only consider diagnostics with it. */
export const DIAGNOSTIC_SOURCE = 'sinas';
