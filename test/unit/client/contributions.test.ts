/** package.json contributions for the instance features agree with the code and with Restricted Mode. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMMANDS, PACKAGES_VIEW, VIEW_CONTAINER } from '../../../client/src/commands/ids';

interface MenuItem {
  command: string;
  when?: string;
}
const manifest = JSON.parse(readFileSync(join(__dirname, '../../../package.json'), 'utf8')) as {
  capabilities: { untrustedWorkspaces: { supported: string | boolean; description?: string } };
  contributes: {
    commands: { command: string; title: string; category?: string }[];
    menus: Record<string, MenuItem[]>;
    viewsContainers: { activitybar: { id: string; icon: string }[] };
    views: Record<string, { id: string; name: string }[]>;
    viewsWelcome: { view: string; when?: string; contents: string }[];
  };
};
const { contributes } = manifest;
const ours = Object.values(COMMANDS) as string[];
// Local-only commands: they never talk to an instance, so they stay available in Restricted Mode.
const LOCAL = new Set<string>([COMMANDS.removeConnection, COMMANDS.switchConnection, COMMANDS.showLog, COMMANDS.newPackage]);

describe('contributions of the instance features', () => {
  it('contributes exactly the commands the code registers, all in category Sinas', () => {
    const contributed = contributes.commands.map((c) => c.command).filter((id) => id.startsWith('sinas.') && !id.startsWith('sinas.server'));
    assert.deepEqual([...contributed].sort(), [...ours].sort());
    for (const c of contributes.commands.filter((c) => ours.includes(c.command))) assert.equal(c.category, 'Sinas', c.command);
  });

  it('declares limited support for untrusted workspaces, with a reason', () => {
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.match(manifest.capabilities.untrustedWorkspaces.description ?? '', /Restricted Mode/);
  });

  it('shows no command that talks to an instance in an untrusted workspace, in any menu', () => {
    for (const [menu, items] of Object.entries(contributes.menus)) {
      for (const item of items) {
        if (!ours.includes(item.command) || LOCAL.has(item.command)) continue;
        assert.match(item.when ?? '', /(^|&& )isWorkspaceTrusted\b/, `${menu}: ${item.command} lacks isWorkspaceTrusted`);
      }
    }
    const palette = new Set(contributes.menus.commandPalette.map((i) => i.command));
    for (const id of ours) if (!LOCAL.has(id)) assert.ok(palette.has(id), `${id} has no commandPalette entry (so no trust clause)`);
  });

  it('keys tree context menus on viewItem tokens the nodes set', () => {
    for (const item of contributes.menus['view/item/context']) {
      assert.match(item.when ?? '', new RegExp(`view == ${PACKAGES_VIEW.replace('.', '\\.')}`));
      assert.match(item.when ?? '', /viewItem =~ \/\\b(package|instance)[ \\]/);
    }
  });

  it('has its own activity-bar container and view, explained when empty or restricted', () => {
    assert.deepEqual(contributes.viewsContainers.activitybar.map((c) => c.id), [VIEW_CONTAINER]);
    assert.deepEqual(contributes.views[VIEW_CONTAINER].map((v) => v.id), [PACKAGES_VIEW]);
    const welcome = contributes.viewsWelcome.filter((w) => w.view === PACKAGES_VIEW);
    assert.ok(welcome.some((w) => w.when === '!isWorkspaceTrusted' && /Restricted Mode/.test(w.contents)));
    assert.ok(welcome.some((w) => /!sinas\.hasConnections/.test(w.when ?? '') && w.contents.includes(`command:${COMMANDS.addConnection}`)));
  });

  it('names the view so that typing a command finds that command only (the view\'s "Focus on … View" entry shadowed "Install Package")', () => {
    // The palette matches when every typed word starts a word of the label, in order (VS Code's word filter).
    const words = (label: string) => label.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
    const matches = (query: string, label: string) => {
      const target = words(label);
      let at = 0;
      return words(query).every((w) => {
        const found = target.findIndex((t, i) => i >= at && t.startsWith(w));
        at = found + 1;
        return found >= 0;
      });
    };
    const container = 'Sinas';
    const labels = [
      ...contributes.commands.filter((c) => ours.includes(c.command)).map((c) => ({ id: c.command, label: `${c.category}: ${c.title}` })),
      ...contributes.views[VIEW_CONTAINER].map((v) => ({ id: `${v.id}.focus`, label: `${container}: Focus on ${v.name} View` })),
    ];
    for (const { id, label } of labels.filter((l) => !l.id.endsWith('.focus'))) {
      const query = label.replace(/…$/, '');
      const rivals = labels.filter((other) => other.id !== id && matches(query, other.label)).map((other) => other.label);
      assert.deepEqual(rivals, [], `typing "${query}" also lists ${rivals.join(', ')}`);
    }
    assert.ok(matches('Sinas: Install Package', 'Sinas: Focus on Installed Packages View'), 'positive control: the old view name did shadow it');
  });
});
