/** The one implementation of install-time substitution (sandbox, CLI, editor). */
import assert from 'node:assert/strict';
import { plainValue, substituteVariables, substitutionText, substitutionTexts } from '../../../server/src/core/variables/substitution';

describe('core variables: substitution', () => {
  it('replaces each placeholder in the raw text, spaces inside the braces allowed, and leaves unknown ones as written', () => {
    const texts = new Map([['URL', 'https://a.example'], ['EMPTY', '']]);
    assert.equal(substituteVariables('a: ${{ vars.URL }}/x\nb: "${{vars.URL}}"\nc: ${{ vars.EMPTY }}\nd: ${{ vars.OTHER }}\ne: ${{ env.URL }}\n', texts), 'a: https://a.example/x\nb: "https://a.example"\nc: \nd: ${{ vars.OTHER }}\ne: ${{ env.URL }}\n');
  });

  it('turns values into the text the install writes', () => {
    const text = (type: string, value: unknown, extra: { required?: boolean; default?: unknown } = {}) => substitutionText({ name: 'X', type, required: extra.required ?? false, default: extra.default }, value);
    assert.equal(text('secret', 's3cr3t-value'), 'X', 'a secret expands to the name of the Secret it creates');
    assert.equal(text('secret', undefined), 'X');
    assert.equal(text('boolean', true), 'true');
    assert.equal(text('boolean', 'False'), 'false');
    assert.equal(text('text', 'v'), 'v');
    assert.equal(text('text', undefined, { default: 'd' }), 'd');
    assert.equal(text('text', '', { default: 'd' }), 'd', 'an empty answer takes the default');
    assert.equal(text('text', undefined), '', 'optional without a default: empty');
    assert.equal(text('text', undefined, { required: true }), undefined, 'required without a value: nothing can stand there');
    assert.equal(text('enum', 2), '2');
    assert.equal(text('text', ['a']), undefined);
  });

  it('reads a substituted text with the line breaks PyYAML reads, a lone `\\r`, NEL, LS and PS too', () => {
    // `timeout: 30<break># half a minute`: the comment is a line of its own.
    for (const lineBreak of ['\n', '\r\n', '\r', '\u0085', '\u2028', '\u2029']) {
      assert.equal(plainValue(`30${lineBreak}# half a minute`), 30, JSON.stringify(lineBreak));
      assert.equal(plainValue(`yes${lineBreak} `), true, JSON.stringify(lineBreak));
    }
  });

  it('builds the table from declarations, the first declaration of a name winning', () => {
    const texts = substitutionTexts(
      [
        { name: 'A', type: 'text', required: false, default: 'first' },
        { name: 'A', type: 'text', required: false, default: 'second' },
        { name: 'T', type: 'secret', required: true },
        { name: 'R', type: 'text', required: true },
      ],
      { T: 'hidden' },
    );
    assert.deepEqual([...texts], [['A', 'first'], ['T', 'T']]);
  });
});
