/** The rule list. Order does not matter: findings are sorted by position afterwards. */
import { malformedExpression } from './malformed-expression';
import type { DocumentRule, ItemRule } from './rule';
import { undeclaredVariable } from './undeclared-variable';
import { unusedVariable } from './unused-variable';

export const DOCUMENT_RULES: readonly DocumentRule[] = [malformedExpression, undeclaredVariable, unusedVariable];

export const ITEM_RULES: readonly ItemRule[] = [];
