/**
 * The Get Started walkthrough (package.json contributes.walkthroughs): create a package → add an
 * instance → preview → install, each step completed by the command it offers (or the context key
 * that says the step is done), with media files that exist and ship in the VSIX.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMMANDS, CONTEXT } from '../../../client/src/commands/ids';

interface Step {
  id: string;
  title: string;
  description: string;
  media: { markdown?: string; image?: string };
  completionEvents: string[];
}
const root = join(__dirname, '../../..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  contributes: { walkthroughs: { id: string; title: string; steps: Step[] }[]; commands: { command: string }[] };
};

describe('Get Started walkthrough', () => {
  const [walkthrough] = manifest.contributes.walkthroughs;

  it('walks from a new package to an install, in that order', () => {
    assert.equal(walkthrough.id, 'sinas.gettingStarted');
    const offered = walkthrough.steps.map((s) => /\(command:([\w.]+)\)/.exec(s.description)?.[1]);
    assert.deepEqual(offered, [COMMANDS.newPackage, COMMANDS.addConnection, COMMANDS.previewPackage, COMMANDS.installPackage]);
  });

  it('completes each step on its own command, or on the context key that says it is done', () => {
    const commands = new Set(manifest.contributes.commands.map((c) => c.command));
    const contextKeys = new Set<string>(Object.values(CONTEXT));
    for (const step of walkthrough.steps) {
      const offered = /\(command:([\w.]+)\)/.exec(step.description)![1];
      assert.ok(step.completionEvents.includes(`onCommand:${offered}`), `${step.id} is not completed by running ${offered}`);
      for (const event of step.completionEvents) {
        const [kind, what] = event.split(/:(.*)/s);
        if (kind === 'onCommand') assert.ok(commands.has(what), `${step.id}: ${what} is not a contributed command`);
        else if (kind === 'onContext') assert.ok(contextKeys.has(what), `${step.id}: ${what} is not a context key the extension sets`);
        else assert.fail(`${step.id}: unexpected completion event ${event}`);
      }
    }
    const instance = walkthrough.steps.find((s) => s.id === 'addInstance')!;
    assert.ok(instance.completionEvents.includes(`onContext:${CONTEXT.hasConnections}`), 'an instance configured before (e.g. from SINAS_URL) completes the step');
  });

  it('has media files that exist and are packaged', () => {
    const ignore = readFileSync(join(root, '.vscodeignore'), 'utf8').split('\n');
    for (const step of walkthrough.steps) {
      const file = step.media.markdown ?? step.media.image;
      assert.ok(file && existsSync(join(root, file)), `${step.id}: media ${file} is missing`);
      assert.ok(ignore.some((line) => line.startsWith('!') && file.startsWith(line.slice(1).replace(/\*\*$/, ''))), `${step.id}: ${file} is not included by .vscodeignore`);
    }
  });
});
