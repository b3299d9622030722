// Headless Debian chromium driven by playwright-core (no browser download on this machine).
import { chromium } from 'playwright-core';

// Without the background-networking flags chromium keeps dialling Google hosts that the
// closed network refuses; --no-sandbox because we run as root.
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export const viewport = { width: 1280, height: 800 };

export async function launchBrowser(executablePath) {
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: chromiumArgs,
    // Our own handlers stop everything in order; Playwright's would close the browser under us.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  return {
    /** A page in a fresh context, so workbench state from an earlier page does not leak in. */
    async newPage() {
      const context = await browser.newContext({ viewport });
      return context.newPage();
    },
    close: () => browser.close().catch(() => {}),
  };
}
