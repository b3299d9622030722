import type { DocumentRule } from './rule';
import { contentSpan } from './support/scalar';

/**
 * A database connection named here is declared only under `databaseConnections`, which a package
 * install skips (P7): the reference passes validation and then fails at apply (partial install)
 * unless a connection of that name already exists on the instance.
 */
export const skippedSectionReference: DocumentRule = {
  id: 'skipped-section-reference',
  codes: ['skipped-section-reference'],
  check(ctx) {
    // Rare: only then is every reference of the document read.
    if (!ctx.model.sections.get('databaseConnections')?.items.length) return;
    for (const ref of ctx.references.references) {
      if (ref.kind !== 'databaseConnections' || ref.dynamic || ref.target === undefined) continue;
      const declared = ctx.references.definitions('databaseConnections', ref.target);
      if (declared.length === 0) continue;
      const failure =
        ref.source.section === 'queries'
          ? `the query passes validation but fails at apply (\`Database connection '${ref.target}' not found\`), a partial install`
          : ref.source.section === 'databaseTriggers'
            ? `the trigger fails at apply (\`connection '${ref.target}' not found\`), a partial install`
            : `the tool fails when it is used`;
      ctx.report({
        code: 'skipped-section-reference',
        message: `Database connection \`${ref.target}\` is declared only under \`databaseConnections\`, which Sinas skips when installing a package: ${failure}, unless a connection \`${ref.target}\` already exists on the instance.`,
        span: contentSpan(ref.node),
        related: [{ span: declared[declared.length - 1].identityNode, message: 'Declared here, in a section packages do not install.' }],
      });
    }
  },
};
