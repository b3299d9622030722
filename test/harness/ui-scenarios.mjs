// Drives the workbench as a user would (Quick Open, F1 commands, hovers) and takes
// screenshots. A scenario is data: a name plus steps, so features can add README shots by
// appending to scenarios.mjs instead of writing Playwright code.
//
// `workbench: 'user'` runs a scenario on the workbench `npm start` gives (user-workbench.mjs: no
// smoke-test driver, so toasts pop up; the extension installed; the seeded sandbox; a temporary
// copy of test/fixtures/vscode). Without it, scenarios run on the test workbench (driver on,
// extension loaded as in development, toasts only in the Notifications center).
//
// Steps (one key each):
//   { open: 'path/in/workspace.yaml' }        Quick Open (Ctrl+P), type, Enter; waits for the tab
//   { command: 'Notifications: Show ...' }    F1, type the command's label, Enter
//   { command: '…', pick: 'label' }           …and pick `label` in the list the command shows
//   { inputEndsWith: 'text' }                 until the quick input's value ends with it
//   { press: 'Escape' }                       a key or chord, Playwright syntax
//   { type: 'text' }                          types into whatever has focus
//   { waitFor: '.css-selector', timeoutMs }   until it is visible (default 30 s)
//   { waitGone: '.css-selector', timeoutMs }  until nothing matching is visible (a toast closed)
//   { hover: '.css-selector', until? }        mouse over the first visible match; with `until`
//                                             (a selector), re-hover until that is visible
//   { click: '.css-selector' }                click the first visible match (frames: `>> internal:control=enter-frame >>`)
//   { screenshot: 'name.png', selector? }     whole page, or just one element
import { basename, join } from 'node:path';
import { log, elapsed } from './log.mjs';

const defaultTimeoutMs = 30_000;

/**
 * Opens a workbench (no tests) and waits until it is restored: through the smoke-test driver when
 * it has one, else (a user's workbench) until the status bar and the workspace's files show.
 */
export async function openWorkbench(browser, url, { driver = true } = {}) {
  const page = await browser.newPage();
  // The readiness waits below decide; a cold server on a busy machine can take long to 'load'.
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
  if (driver) {
    await page.waitForFunction(() => window.driver, undefined, { timeout: 60_000 });
    await page.evaluate(() => window.driver.whenWorkbenchRestored());
  } else {
    await describeTimeout(page.locator('.monaco-workbench .part.statusbar').waitFor({ timeout: 60_000 }), 'the workbench');
    await describeTimeout(page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 }), "the workspace's files in the Explorer");
  }
  return page;
}

/** Runs each scenario on a fresh workbench page; returns one result per scenario. */
export async function runScenarios({ browser, url, scenarios, screenshotDir, driver = true }) {
  const results = [];
  for (const scenario of scenarios) {
    const start = Date.now();
    let page;
    const result = { name: scenario.name, ok: false, screenshots: [] };
    try {
      page = await openWorkbench(browser, url, { driver });
      for (const step of scenario.steps) await runStep(page, step, { screenshotDir, result });
      result.ok = true;
      log(`UI scenario "${scenario.name}" passed in ${elapsed(start)}: ${result.screenshots.join(', ')}`);
    } catch (error) {
      result.error = error.message.split('\n')[0];
      if (page) {
        const failed = join(screenshotDir, `${scenario.name}.failed.png`);
        await page.screenshot({ path: failed }).catch(() => {});
        result.screenshots.push(failed);
      }
      log(`UI scenario "${scenario.name}" FAILED after ${elapsed(start)}: ${result.error}`);
      // The test workbench keeps toasts in the Notifications center: an error the extension showed
      // there is often the reason, and the run's logs may not survive a rerun.
      const notifications = page ? await notificationTexts(page).catch(() => []) : [];
      if (notifications.length) log(`  its notifications: ${notifications.join(' | ')}`);
    } finally {
      await page?.context().close().catch(() => {});
    }
    result.durationMs = Date.now() - start;
    results.push(result);
  }
  return results;
}

async function runStep(page, step, { screenshotDir, result }) {
  const timeout = step.timeoutMs ?? defaultTimeoutMs;
  if (step.open) return openFile(page, step.open, timeout);
  if (step.command) return runCommand(page, step.command, timeout, step.pick);
  if (step.click) return describeTimeout(page.locator(step.click).first().click({ timeout }), `${step.click} to click`);
  if (step.inputEndsWith) return inputEndsWith(page, step.inputEndsWith, timeout);
  if (step.press) return page.keyboard.press(step.press);
  if (step.type) return page.keyboard.type(step.type);
  if (step.waitFor) return describeTimeout(page.locator(step.waitFor).first().waitFor({ state: 'visible', timeout }), `waiting for ${step.waitFor}`);
  if (step.waitGone) return describeTimeout(page.locator(step.waitGone).first().waitFor({ state: 'hidden', timeout }), `waiting for ${step.waitGone} to go`);
  if (step.hover) return hover(page, step.hover, step.until, timeout);
  if (step.screenshot) {
    const path = join(screenshotDir, step.screenshot);
    const target = step.selector ? page.locator(step.selector).first() : page;
    // Finished, not mid-fade: hovers and notifications animate in.
    await target.screenshot({ path, timeout, animations: 'disabled' });
    result.screenshots.push(path);
    return undefined;
  }
  throw new Error(`unknown UI step ${JSON.stringify(step)}`);
}

async function openFile(page, relativePath, timeout) {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout });
  await input.fill(relativePath);
  const name = basename(relativePath);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor({ timeout });
  await page.keyboard.press('Enter');
  const tab = page.locator('.tabs-container .tab.active', { hasText: name });
  await describeTimeout(tab.waitFor({ state: 'visible', timeout }), `the editor tab of ${relativePath}`);
}

/**
 * The editor shows a hover only for a mouse move it did not discard (it drops moves while it
 * lays out or while another widget closes), so move off and on again until `until` shows.
 */
async function hover(page, selector, until, timeout) {
  const target = page.locator(selector).first();
  if (!until) return target.hover({ timeout, force: true });
  const deadline = Date.now() + timeout;
  for (;;) {
    await page.mouse.move(0, 0);
    await target.hover({ timeout, force: true });
    const shown = await page.locator(until).first().waitFor({ state: 'visible', timeout: 2000 }).then(() => true, () => false);
    if (shown) return undefined;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${until} after hovering ${selector}`);
  }
}

async function runCommand(page, label, timeout, pick) {
  const input = page.locator('.quick-input-widget input');
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first();
  // The palette lists what its `when` clauses allowed when it opened; a fresh workbench may still
  // be settling context keys (workspace trust), so look again in a newly opened palette.
  const deadline = Date.now() + timeout;
  for (;;) {
    await page.keyboard.press('F1');
    await input.waitFor({ state: 'visible', timeout });
    await input.fill(`>${label}`);
    const found = await row.waitFor({ timeout: 5000 }).then(() => true, () => false);
    if (found) break;
    if (Date.now() > deadline) throw new Error(`timed out waiting for the command "${label}" in the palette`);
    await page.keyboard.press('Escape');
    await input.waitFor({ state: 'hidden', timeout });
  }
  await row.click();
  if (pick) {
    const choice = page.locator('.quick-input-list .monaco-list-row', { hasText: pick }).first();
    await describeTimeout(choice.waitFor({ timeout }), `"${pick}" in the list of "${label}"`);
    await choice.click();
  }
  await input.waitFor({ state: 'hidden', timeout });
}

/** The messages in the Notifications center (opened for the purpose), newest first. */
async function notificationTexts(page) {
  await page.keyboard.press('Escape');
  await runCommand(page, 'Notifications: Show Notifications', 5000);
  const messages = page.locator('.notifications-center .notification-list-item-message');
  await messages.first().waitFor({ timeout: 2000 }).catch(() => {});
  return (await messages.allInnerTexts()).map((text) => text.trim()).filter(Boolean);
}

/** The quick input fills some values in asynchronously (a save dialog's path): wait for it. */
async function inputEndsWith(page, text, timeout) {
  const input = page.locator('.quick-input-widget input');
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await input.inputValue({ timeout }).catch(() => '');
    if (value.endsWith(text)) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for the quick input to end with "${text}" (it holds "${value}")`);
    await page.waitForTimeout(100);
  }
}

/** Playwright's timeout messages name the locator, not what we were waiting for. */
async function describeTimeout(promise, what) {
  try {
    return await promise;
  } catch (error) {
    if (error.name === 'TimeoutError') throw new Error(`timed out ${what.startsWith('waiting') ? '' : 'waiting for '}${what}`);
    throw error;
  }
}
