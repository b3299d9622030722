import type { Finding } from '../diagnostics/finding';
import type { PackageModel } from '../model/package-model';
import { getValue } from '../parse/yaml-tree';
import { contentSpan } from './support/scalar';

/**
 * A Sinas document that is not a package (`apiVersion: sinas.co/v1`, `kind: SinasConfig`): the
 * package endpoints refuse it after validating it ("Expected kind: SinasPackage",
 * backend/app/services/package_service.py). None of the package checks apply to it, so this is
 * the one finding such a document gets; turn the code off for a workspace of SinasConfig files.
 */
export function notAPackageFindings(model: PackageModel): Finding[] {
  const kind = getValue(model.root, 'kind');
  if (!kind || !model.apiVersion?.startsWith('sinas.co/') || model.kind === 'SinasPackage' || model.kind === undefined) return [];
  return [
    {
      code: 'not-a-package',
      message: `This is a \`${model.kind}\` document, not a package: installing it as a package is refused ("Expected kind: SinasPackage"), and package checks do not apply to it. Apply it with the config API, or write \`kind: SinasPackage\`.`,
      span: contentSpan(kind),
      data: { replacement: 'SinasPackage' },
    },
  ];
}
