/** The small engines behind the Sinas rules: positions in scalars, cron, time zones, imports, precedence. */
import assert from 'node:assert/strict';
import { applyPrecedence } from '../../../server/src/core/diagnostics/precedence';
import type { Finding } from '../../../server/src/core/diagnostics/finding';
import { getValue, nodeAtPath } from '../../../server/src/core/parse/yaml-tree';
import { yamlBreaks } from '../../../server/src/core/parse/line-breaks';
import { parseRegion } from '../../../server/src/core/parse/parse-region';
import { distributionFor, isProvided } from '../../../server/src/core/embedded/python/distributions';
import { createPythonParser } from '../../../server/src/core/embedded/python/parse-python';
import { checkTimezone } from '../../../server/src/core/rules/invalid-timezone';
import { asString, spanInScalar } from '../../../server/src/core/rules/support/scalar';
import { checkCron, crontabWeekdayNames } from '../../../server/src/core/schedule/cron';

describe('rule helpers', () => {
  it('maps a position in a scalar value to the document, for every verbatim style', () => {
    const text = 'a: plain ; x\nb: "dq ; x"\nc: \'sq ; x\'\nd: |\n  first\n  second ; x\ne: "esc\\n ; x"\n';
    const root = parseRegion(text).root;
    for (const key of ['a', 'b', 'c', 'd']) {
      const node = asString(getValue(root, key))!;
      const at = node.value.indexOf(';');
      const span = spanInScalar(text, node, at, 1);
      assert.equal(text.slice(span.start, span.end), ';', key);
    }
    const escaped = asString(nodeAtPath(root, ['e']))!;
    const whole = spanInScalar(text, escaped, escaped.value.indexOf(';'), 1);
    assert.deepEqual([whole.start, whole.end], [escaped.start, escaped.end]);
  });

  it('maps a position in a literal block scalar to its line, whatever line break PyYAML ends the lines before it with', () => {
    // Rules are given the original text (a document read whole, the header rules), where a lone
    // `\r`, NEL, LS or PS is still itself: each ends a line of the scalar as `\n` does.
    for (const lineBreak of ['\n', '\r\n', '\r', '\u0085', '\u2028', '\u2029']) {
      const text = `d: |\n  ; one${lineBreak}  ; two${lineBreak}  ; three\ne: x\n`;
      const node = asString(getValue(parseRegion(yamlBreaks(text)).root, 'd'))!;
      const inText = [...text.matchAll(/;/g)].map((m) => m.index);
      const inValue = [...node.value.matchAll(/;/g)].map((m) => m.index);
      assert.deepEqual(
        inValue.map((at) => spanInScalar(text, node, at, 1).start),
        inText,
        JSON.stringify(lineBreak),
      );
    }
  });

  it('checks cron expressions the way the Sinas scheduler runs them', () => {
    for (const ok of ['0 6 * * *', '*/15 9-17 * jan-jun mon-fri', '0 0 last * *', '5,10 0 1-7/2 * sun']) assert.equal(checkCron(ok), undefined, ok);
    for (const bad of ['0 6 * *', '0 0 6 * * *', '60 * * * *', '0 0 ? * *', '0 0 L * *', '0 0 * * 7', '5-1 * * * *', '*/0 * * * *']) assert.ok(checkCron(bad), bad);
    assert.equal(crontabWeekdayNames('1-5'), 'mon-fri');
    assert.equal(crontabWeekdayNames('0,6'), 'sun,sat');
    assert.equal(crontabWeekdayNames('0-3'), 'mon-wed,sun');
    assert.equal(crontabWeekdayNames('mon-fri'), undefined);
    assert.equal(crontabWeekdayNames('*'), undefined);
  });

  it('accepts IANA zones and aliases, and suggests a fix for case and offsets', () => {
    for (const zone of ['UTC', 'Europe/Amsterdam', 'US/Eastern', 'Europe/Kyiv', 'Etc/GMT-2']) assert.deepEqual(checkTimezone(zone), { valid: true }, zone);
    assert.deepEqual(checkTimezone('europe/amsterdam'), { valid: false, replacement: 'Europe/Amsterdam' });
    assert.deepEqual(checkTimezone('UTC+2'), { valid: false, replacement: 'Etc/GMT-2' });
    assert.deepEqual(checkTimezone('Mars/Olympus'), { valid: false });
  });

  it('reads Python imports and matches them with distributions', () => {
    const src = 'import os, requests as r\nfrom google.cloud import storage\nfrom . import x\n"""\nimport fake\n"""\ntry:\n    import ujson\nexcept ImportError:\n    pass\ndef handler(i, c):\n    import yaml\n';
    const imports = createPythonParser().parse(src).imports;
    assert.deepEqual(imports.map((i) => i.module), ['os', 'requests', 'google', 'yaml']);
    for (const i of imports) assert.equal(src.slice(i.index, i.index + i.length), i.module);
    assert.ok(isProvided('yaml', new Set(['pyyaml'])));
    assert.ok(isProvided('google', new Set(['google-cloud-storage'])));
    assert.ok(isProvided('dateutil', new Set(['python-dateutil'])));
    assert.ok(!isProvided('requests', new Set(['pyyaml'])));
    assert.equal(distributionFor('PIL'), 'pillow');
  });

  it('keeps one finding per problem: the specific code supersedes the generic one on a nested span', () => {
    const f = (code: Finding['code'], start: number, end: number): Finding => ({ code, message: code, span: { start, end } });
    const kept = applyPrecedence([f('unquoted-cron', 10, 21), f('invalid-type', 10, 13), f('yaml-syntax', 14, 15), f('yaml-syntax', 40, 41), f('ignored-field', 10, 13)]);
    assert.deepEqual(kept.map((k) => k.code), ['unquoted-cron', 'yaml-syntax', 'ignored-field']);
    const nested = applyPrecedence([f('path-param-syntax', 0, 20), f('uninterpolated-variable', 5, 12)]);
    assert.deepEqual(nested.map((k) => k.code), ['uninterpolated-variable']);
  });
});
