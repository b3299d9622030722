/** The classic catastrophic-backtracking families, each with a value that makes a backtracking engine hang. */
export const REDOS: [family: string, pattern: string, value: string][] = [
  ['nested quantifiers', '^(a+)+$', `${'a'.repeat(40)}!`],
  ['nested quantifiers over a class', '^([a-z]+)*$', `${'a'.repeat(5000)}1`],
  ['overlapping alternation', '^(a|a)*$', `${'a'.repeat(5000)}!`],
  ['overlapping alternation of lengths', '^(a|aa)+$', `${'a'.repeat(5000)}!`],
  ['words and spaces', '^(\\w+\\s?)*$', `${'word '.repeat(2000)}!`],
  ['e-mail shape', '^([a-zA-Z0-9])(([\\-.]|[_]+)?([a-zA-Z0-9]+))*(@){1}[a-z0-9]+[.]{1}(([a-z]{2,3})|([a-z]{2,3}[.]{1}[a-z]{2,3}))$', `${'a'.repeat(5000)}!`],
];
