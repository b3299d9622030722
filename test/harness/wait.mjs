// Readiness checks: poll a condition with a deadline (no fixed sleeps), and find free ports.
import { createServer, connect } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';

/** Resolves with the first truthy value of `check()`; rejects after `timeoutMs`. */
export async function waitUntil(check, { timeoutMs, intervalMs = 200, what }) {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const reason = lastError ? ` (last error: ${lastError.message})` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${reason}`);
    }
    await delay(intervalMs);
  }
}

/** A port that was free on 127.0.0.1 a moment ago (the OS picks it). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export async function httpOk(url) {
  const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
  await response.body?.cancel();
  return response.ok;
}

export function tcpOpen(port, host = '127.0.0.1') {
  return new Promise((resolve) => {
    const socket = connect({ port, host });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Rejects when `child` exits, so a crashed server fails a wait at once instead of at its deadline. */
export function exitAsError(child, name) {
  const exited = new Promise((_, reject) => {
    child.once('exit', (code, signal) => reject(new Error(`${name} exited early (code ${code}, signal ${signal})`)));
  });
  exited.catch(() => {}); // A later, expected exit must not become an unhandled rejection.
  return exited;
}
