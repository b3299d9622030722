// One prefix for every harness line, so they stand out between mocha and npm output.
let muted = false;

export function log(message) {
  if (!muted) process.stdout.write(`[vscode-test] ${message}\n`);
}

/** After Ctrl-C, work still in flight fails noisily as we close it; say nothing more. */
export function muteLogs() {
  muted = true;
}

export function logsMuted() {
  return muted;
}

/** Seconds since `start`, for progress lines and the summary. */
export function elapsed(start) {
  return `${((Date.now() - start) / 1000).toFixed(1)}s`;
}
