/** Folding: mappings, sequences and block scalars over several lines, from their key line. */
import assert from 'node:assert/strict';
import { analyze } from '../../../server/src/core/analyze';
import { getFoldingRanges } from '../../../server/src/features/folding-ranges';

const TEXT = `apiVersion: sinas.co/v1
kind: SinasPackage
package:
  name: crm
spec:
  functions:
    - name: lookup
      inputSchema: { type: object }
      code: |
        def handler(input_data, context):
            return {}
    - name: other
      code: x
`;

describe('folding ranges', () => {
  it('folds each multi-line block from the line that opens it', () => {
    assert.deepEqual(
      getFoldingRanges(analyze(TEXT)).map((r) => [r.startLine, r.endLine]),
      [
        [2, 3], // package:
        [4, 12], // spec:
        [5, 12], // functions:
        [6, 10], // - name: lookup
        [8, 10], // code: |
        [11, 12], // - name: other
      ],
    );
  });

  it('keeps the first ranges when capped', () => {
    assert.deepEqual(
      getFoldingRanges(analyze(TEXT), 2).map((r) => r.startLine),
      [2, 4],
    );
  });
});
