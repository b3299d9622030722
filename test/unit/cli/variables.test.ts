/**
 * Variable collection of the CLI with fake terminal streams: prompts answered one by one, secrets
 * read without echo, upgrade values pre-filled; without a terminal only --var and SINAS_VAR_*.
 */
import assert from 'node:assert/strict';
import { UsageError } from '../../../cli/src/io';
import { PromptCancelled } from '../../../cli/src/prompt';
import { collectVariables, type Declaration } from '../../../cli/src/variables';
import { REDOS } from '../../support/redos';
import { fakeTerminal } from './fake-terminal';

const DECLARATIONS: Declaration[] = [
  { name: 'APP_URL', type: 'text', required: true, description: 'Base URL' },
  { name: 'TOKEN', type: 'secret', required: true },
  { name: 'VERBOSE', type: 'boolean', required: false, default: false },
  { name: 'MODE', type: 'enum', required: false, default: 'fast', choices: ['fast', 'safe'] },
];

describe('cli variables', () => {
  it('prompts for each variable without a value; the secret is not echoed', async () => {
    const t = fakeTerminal(['https://app.example\n', 's3cr3t-typed\r', 'true\n', '\n']);
    const values = await collectVariables(t.io, DECLARATIONS, { varArgs: [] });
    assert.deepEqual(values, { APP_URL: 'https://app.example', TOKEN: 's3cr3t-typed', VERBOSE: true });
    assert.ok(!t.shown().includes('s3cr3t-typed'), t.shown());
    assert.match(t.shown(), /APP_URL \(Base URL\): /);
    assert.match(t.shown(), /TOKEN \[secret\]: /);
    assert.match(t.shown(), /MODE \{fast\|safe\} \[fast\]: /);
    assert.equal(t.stdin.rawModes.at(-1), false, 'the terminal is left out of raw mode');
  });

  it('--var and SINAS_VAR_<NAME> come first; only the rest is prompted', async () => {
    const t = fakeTerminal(['\n', '\n'], { SINAS_VAR_TOKEN: 'from-env' });
    const values = await collectVariables(t.io, DECLARATIONS, { varArgs: ['APP_URL=https://a=b'] });
    assert.deepEqual(values, { APP_URL: 'https://a=b', TOKEN: 'from-env' });
    assert.ok(!t.shown().includes('APP_URL') && !t.shown().includes('TOKEN'));
  });

  it('an upgrade pre-fills from the installed values; an empty secret keeps the stored one', async () => {
    const t = fakeTerminal(['\n', '\n', '\n', 'safe\n']);
    const values = await collectVariables(t.io, DECLARATIONS, { varArgs: [], previous: { APP_URL: 'https://old', TOKEN: '***', VERBOSE: true } });
    assert.deepEqual(values, { APP_URL: 'https://old', VERBOSE: true, MODE: 'safe' });
    assert.match(t.shown(), /APP_URL \(Base URL\) \[https:\/\/old\]: /);
    assert.match(t.shown(), /TOKEN \[secret, empty keeps the stored secret\]: /);
  });

  it('a required variable is asked again when left empty', async () => {
    const t = fakeTerminal(['\n', 'https://x\n', 'tok\n', '\n', '\n']);
    const values = await collectVariables(t.io, DECLARATIONS, { varArgs: [] });
    assert.equal(values.APP_URL, 'https://x');
    assert.match(t.shown(), /APP_URL is required\./);
  });

  it('Ctrl-C in the secret prompt cancels', async () => {
    const t = fakeTerminal(['https://x\n', 'abc\u0003']);
    await assert.rejects(collectVariables(t.io, DECLARATIONS, { varArgs: [] }), PromptCancelled);
  });

  it('without a terminal nothing is prompted: missing values are left to the server', async () => {
    const t = fakeTerminal([], { SINAS_VAR_VERBOSE: 'FALSE' });
    t.io.interactive = false;
    assert.deepEqual(await collectVariables(t.io, DECLARATIONS, { varArgs: [] }), { VERBOSE: false });
    assert.equal(t.shown(), '');
  });

  it('rejects malformed and undeclared --var', async () => {
    const t = fakeTerminal([]);
    await assert.rejects(collectVariables(t.io, DECLARATIONS, { varArgs: ['APP_URL'] }), /--var takes NAME=value/);
    await assert.rejects(collectVariables(t.io, DECLARATIONS, { varArgs: ['NOPE=1'] }), /declares no variable NOPE \(declared: APP_URL, TOKEN, VERBOSE, MODE\)/);
  });

  it('refuses a secret in --var (the process list shows arguments), pointing to SINAS_VAR_<NAME> and the prompt', async () => {
    const t = fakeTerminal([]);
    await assert.rejects(
      collectVariables(t.io, DECLARATIONS, { varArgs: ['APP_URL=https://a', 'TOKEN=in-argv'] }),
      new UsageError('--var TOKEN: TOKEN is a secret, and arguments show in the process list; set SINAS_VAR_TOKEN in the environment or let the prompt ask for it'),
    );
    assert.equal(t.shown(), '');
  });

  describe('pattern (the core reading: the value contains a match)', () => {
    const URL: Declaration = { name: 'CRM_URL', type: 'text', required: true, pattern: '^https?://' };

    it("accepts the shipped example's value for ^https?:// from --var, SINAS_VAR_ and the prompt", async () => {
      const t = fakeTerminal(['https://crm.example.com/api\n'], { SINAS_VAR_CRM_URL: 'https://crm.example.com/api' });
      assert.deepEqual(await collectVariables(t.io, [URL], { varArgs: ['CRM_URL=https://crm.example.com/api'] }), { CRM_URL: 'https://crm.example.com/api' });
      assert.deepEqual(await collectVariables(t.io, [URL], { varArgs: [] }), { CRM_URL: 'https://crm.example.com/api' });
      const typed = fakeTerminal(['https://crm.example.com/api\n']);
      assert.deepEqual(await collectVariables(typed.io, [URL], { varArgs: [] }), { CRM_URL: 'https://crm.example.com/api' });
    });

    it('refuses a value without a match before anything is sent, naming where it came from', async () => {
      const t = fakeTerminal([], { SINAS_VAR_CRM_URL: 'crm.example.com' });
      await assert.rejects(collectVariables(t.io, [URL], { varArgs: ['CRM_URL=ftp://x'] }), /^Error: --var CRM_URL: the value must contain a match for the pattern \^https\?:\/\/$/);
      await assert.rejects(collectVariables(t.io, [URL], { varArgs: [] }), /SINAS_VAR_CRM_URL: the value must contain a match/);
    });

    it('asks again when a typed answer has no match', async () => {
      const t = fakeTerminal(['crm.example.com\n', 'https://crm.example.com\n']);
      assert.deepEqual(await collectVariables(t.io, [URL], { varArgs: [] }), { CRM_URL: 'https://crm.example.com' });
      assert.match(t.shown(), /CRM_URL: the value must contain a match for the pattern \^https\?:\/\/\./);
    });

    for (const [family, pattern, value] of REDOS) {
      it(`${family}: a hostile value is refused at once`, async () => {
        const t = fakeTerminal([]);
        await assert.rejects(collectVariables(t.io, [{ ...URL, pattern }], { varArgs: [`CRM_URL=${value}`] }), /must contain a match/);
      });
    }

    it('leaves patterns it cannot check (a backreference) to the server', async () => {
      const t = fakeTerminal([]);
      const values = await collectVariables(t.io, [{ ...URL, pattern: '^(a+)\\1$' }], { varArgs: [`CRM_URL=${'a'.repeat(5000)}!`] });
      assert.equal(values.CRM_URL, `${'a'.repeat(5000)}!`);
    });
  });
});
